import Workflow

/// A column a ledger import understands, with the headers county spreadsheets use for it.
public struct FieldSpec: Sendable {
    public var key: String
    /// The Chinese header shown in messages and reject files.
    public var label: String
    public var aliases: [String]
    public var required: Bool

    public init(_ key: String, _ label: String, aliases: [String], required: Bool = false) {
        self.key = key
        self.label = label
        self.aliases = aliases
        self.required = required
    }
}

/// Where each field sits in a file, found from its header row (Chinese or English headers, or
/// the step's `columns:` mapping).
struct ColumnLayout: Sendable {
    let header: [String]
    private let indexByField: [String: Int]
    /// The column of each field in the order of the kind's `fields`: a parser that reads many rows
    /// (people) looks its cells up by position, which a profile showed beats hashing the keys.
    private let columnByFieldPosition: [Int?]

    init(header: [String], indexByField: [String: Int], fields: [FieldSpec]) {
        self.header = header
        self.indexByField = indexByField
        columnByFieldPosition = fields.map { indexByField[$0.key] }
    }

    func index(_ field: String) -> Int? { indexByField[field] }

    /// The header of a column (0-based), or its number when the row is longer than the header.
    func header(atColumn index: Int) -> String { index < header.count ? header[index] : "\(index + 1)" }

    func column(atFieldPosition position: Int) -> Int? { columnByFieldPosition[position] }

    func header(for field: String, fields: [FieldSpec]) -> String {
        indexByField[field].map { header[$0] } ?? fields.first { $0.key == field }?.label ?? field
    }

    /// Headers compare without spaces, asterisks (required marks) or bracket styles, case-insensitively.
    static func normalize(_ header: String) -> String {
        var s = header.lowercased()
        for (from, to) in [("（", "("), ("）", ")"), ("*", ""), (" ", ""), ("\u{3000}", ""), ("\u{FEFF}", ""), ("_", "")] {
            s = s.replacingOccurrences(of: from, with: to)
        }
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func resolve(header: [String], fields: [FieldSpec], overrides: [String: String],
                        file: String) throws -> ColumnLayout {
        let normalized = header.map(normalize)
        var indexByField: [String: Int] = [:]
        for (key, headerText) in overrides {
            guard fields.contains(where: { $0.key == key }) else {
                throw WorkflowError.invalidInput("'columns' names an unknown field '\(key)'",
                                                 hint: Suggestions.hint(for: key, among: fields.map(\.key), noun: "fields"))
            }
            guard let i = normalized.firstIndex(of: normalize(headerText)) else {
                throw WorkflowError.invalidInput("\(file): 'columns' maps \(key) to the header '\(headerText)', "
                                                 + "which the file does not have",
                                                 hint: "the file's headers: " + header.joined(separator: ", "))
            }
            indexByField[key] = i
        }
        for field in fields where indexByField[field.key] == nil {
            let candidates = ([field.key, field.label] + field.aliases).map(normalize)
            if let i = normalized.firstIndex(where: { candidates.contains($0) }), !indexByField.values.contains(i) {
                indexByField[field.key] = i
            }
        }
        let missing = fields.filter { $0.required && indexByField[$0.key] == nil }
        if !missing.isEmpty {
            let names = missing.map { "\($0.label) (\($0.key))" }.joined(separator: ", ")
            let guesses = missing.compactMap { field in
                Suggestions.closest(to: field.label, among: header).map { "'\($0)' for \(field.label)" }
            }
            throw WorkflowError.invalidInput(
                "\(file): the header row (row 1) has no column for \(names)",
                hint: (guesses.isEmpty ? "" : "did you mean \(guesses.joined(separator: ", "))? ")
                    + "headers found: \(header.joined(separator: ", ")); rename the column, or map it with "
                    + "'columns:' (e.g. columns: { \(missing[0].key): 证件号 })")
        }
        return ColumnLayout(header: header, indexByField: indexByField, fields: fields)
    }
}

/// One data row with access by field, for the row parsers.
public struct RowCells {
    public let row: Int
    public let cells: [String]
    let layout: ColumnLayout

    /// The cell of a field, by its key; "" when the file has no such column.
    public subscript(_ field: String) -> String {
        guard let i = layout.index(field), i < cells.count else { return "" }
        return cells[i]
    }

    /// The cell of a field, by its position in the kind's `fields`: for parsers that read many
    /// rows (people), where even comparing keys shows in a profile.
    public subscript(position position: Int) -> String {
        guard let i = layout.column(atFieldPosition: position), i < cells.count else { return "" }
        return cells[i]
    }

    public func has(_ field: String) -> Bool { layout.index(field) != nil }
}

/// Why one row was refused, with the column at fault, in words a clerk can act on.
public struct RowProblem: Error, Sendable {
    public var row: Int
    public var column: String
    public var reason: String
    public var cells: [String]

    public init(row: Int, column: String, reason: String, cells: [String]) {
        self.row = row
        self.column = column
        self.reason = reason
        self.cells = cells
    }

    /// `row 17, 身份证号: …` — values inside the reason are already masked.
    public var summary: String { "row \(row), \(column): \(reason)" }
}
