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
    /// Target-group labels the import was given beyond the built-in ones.
    var groupLabels: [String: TargetGroup] = [:]

    init(header: [String], indexByField: [String: Int], fields: [FieldSpec]) {
        self.header = header
        self.indexByField = indexByField
        columnByFieldPosition = fields.map { indexByField[$0.key] }
    }

    func index(_ field: String) -> Int? { indexByField[field] }

    /// The layout with one more column, after the header's, for `field`: a value the import
    /// supplies for every row (the township a sheet is named after).
    func adding(_ field: FieldSpec, fields: [FieldSpec]) -> ColumnLayout {
        var indexes = indexByField
        indexes[field.key] = header.count
        return ColumnLayout(header: header + [field.label], indexByField: indexes, fields: fields)
    }

    /// Whether a row has nothing in any column the import reads: a numbered but empty line, a
    /// signature line. Such a row holds nothing to lose.
    /// Columns from `width` on are the import's own (see `adding(_:fields:)`) and do not count.
    func isBlank(_ cells: [String], width: Int) -> Bool {
        let end = min(cells.count, width)
        return indexByField.values.allSatisfy { $0 >= end || cells[$0].isEmpty }
    }

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

    /// The fields a row would give columns for if it were the header: how a title or a
    /// 填报单位 line is told from the header row below it.
    static func fieldsMatched(by row: [String], fields: [FieldSpec], overrides: [String: String]) -> Set<String> {
        let normalized = Set(row.lazy.filter { !$0.isEmpty }.map(normalize))
        guard !normalized.isEmpty else { return [] }
        var matched: Set<String> = []
        for field in fields {
            if let text = overrides[field.key] {
                if normalized.contains(normalize(text)) { matched.insert(field.key) }
            } else if ([field.key, field.label] + field.aliases).contains(where: { normalized.contains(normalize($0)) }) {
                matched.insert(field.key)
            }
        }
        return matched
    }

    /// The columns of a header row. `headerRow` is its row number in the sheet; `searchedRows`,
    /// when given, says how many rows were tried as the header before giving up (for the message).
    static func resolve(header: [String], fields: [FieldSpec], overrides: [String: String],
                        file: String, headerRow: Int = 1, searchedRows: Int? = nil) throws -> ColumnLayout {
        let normalized = header.map(normalize)
        var indexByField: [String: Int] = [:]
        for (key, headerText) in overrides {
            guard fields.contains(where: { $0.key == key }) else {
                throw WorkflowError.invalidInput(Message(ImportFileMessages.unknownField, ["key": key]),
                                                 hint: Suggestions.message(for: key, among: fields.map(\.key)))
            }
            guard let i = normalized.firstIndex(of: normalize(headerText)) else {
                throw WorkflowError.invalidInput(
                    Message(ImportFileMessages.mappedHeaderMissing, ["file": file, "key": key, "header": headerText]),
                    hint: Message(ImportFileMessages.fileHeaders, ["headers": header.joined(separator: ", ")]))
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
            let shown = header.filter { !$0.isEmpty }
            let guesses = missing.compactMap { field in
                Suggestions.closest(to: field.label, among: shown).map {
                    Message(ImportFileMessages.guess, ["header": $0, "label": field.label])
                }
            }
            let message = searchedRows.map {
                Message(ImportFileMessages.noColumnIn, ["file": file, "rows": String($0), "names": names, "row": String(headerRow)])
            } ?? Message(ImportFileMessages.noColumn, ["file": file, "row": String(headerRow), "names": names])
            var hint = Message(ImportFileMessages.headersFound, [
                "row": String(headerRow), "key": missing[0].key,
                "headers": shown.isEmpty ? "—" : shown.joined(separator: ", ")])
            if !guesses.isEmpty {
                // `did you mean '证件号码' for 身份证号? ` before the headers found.
                var said = guesses[0]
                for guess in guesses.dropFirst() { said = said + Message.verbatim(", ") + guess }
                hint = Message(ImportFileMessages.guessesOpen) + said + Message(ImportFileMessages.guessesClose) + hint
            }
            throw WorkflowError.invalidInput(message, hint: hint)
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

    /// Target-group labels the import was given (`group_labels:`) beyond the built-in ones.
    public var groupLabels: [String: TargetGroup] { layout.groupLabels }
}

/// Why one row was refused, with the column at fault, in words a clerk can act on.
public struct RowProblem: Error, Sendable {
    public var row: Int
    public var column: String
    /// Why, as a catalogue message: the reject file and the import's report word it in the reader's language.
    public var reason: Message
    public var cells: [String]
    /// The sheet, when the import read several.
    public var sheet: String?

    public init(row: Int, column: String, reason: Message, cells: [String], sheet: String? = nil) {
        self.row = row
        self.column = column
        self.reason = reason
        self.cells = cells
        self.sheet = sheet
    }

    /// `第 17 行，身份证号：…` / `row 17, 身份证号: …` (with the sheet first when there are several) —
    /// values inside the reason are already masked.
    public func summary(_ language: Language) -> String { worded.text(language) }

    /// Where and why, as one message.
    public var worded: Message {
        var place = Message(ImportMessages.rowAt, ["row": String(row), "column": column])
        if let sheet { place = Message(ImportMessages.sheetAt, ["sheet": sheet]) + place }
        return place + reason
    }
}

/// A row that lists no one — a 合计 line, a note, a numbered but empty line — skipped, not refused.
public struct SkippedRow: Sendable, Equatable {
    public var sheet: String?
    public var row: Int
    /// Why: a 合计 / 备注 row, nothing in the columns read.
    public var reason: Message
    /// The row's filled cells, masked.
    public var text: String

    public func summary(_ language: Language) -> String {
        var place = Message(ImportMessages.skippedRowAt, ["row": String(row)])
        if let sheet { place = Message(ImportMessages.sheetAt, ["sheet": sheet]) + place }
        return (place + reason).text(language) + (text.isEmpty ? "" : " — \(text)")
    }
}
