/// A `TextTable` as the templates' `table` partial reads it: header and body cells with whether each
/// column holds numbers (right-aligned), and a last row marked as the total where it is one.
public struct HTMLTableView: Sendable {
    public struct Cell: Sendable {
        public let text: String
        public let numeric: Bool
    }

    public struct Row: Sendable {
        public let total: Bool
        public let cells: [Cell]
    }

    public let headers: [Cell]
    public let rows: [Row]

    public init(_ table: TextTable, lastRowIsTotal: Bool = false) {
        headers = table.headers.enumerated().map { Cell(text: $1, numeric: table.numeric[$0]) }
        rows = table.rows.enumerated().map { number, row in
            Row(total: lastRowIsTotal && number == table.rows.count - 1,
                cells: row.enumerated().map { Cell(text: $1, numeric: $0 < table.numeric.count && table.numeric[$0]) })
        }
    }
}
