import Foundation
import Workflow

/// Which sheets of a workbook an import reads. County offices keep one sheet per township, all
/// with the same headers, and sometimes a 填表说明 sheet or Excel's empty Sheet2 and Sheet3 beside
/// them. Without `--sheet`, every sheet whose header row matches the first such sheet's is read
/// when they all match; when some differ, only the first is read and the others are named.
/// `--sheet all` reads every sheet with a header row and refuses sheets whose headers differ
/// (their rows would not line up in one reject file). A CSV file is one table.
struct SheetPlan {
    /// Positions in `ImportSource.tableNames`, in the workbook's order.
    var tables: [Int]
    /// The field each sheet's name fills in when the sheets have no column for it.
    var placeField: FieldSpec?
    /// What the clerk should know: sheets left out and why.
    var notes: [Message] = []

    /// Words that ask for every sheet (a sheet with that very name is read alone).
    static let everySheet: Set<String> = ["all", "*", "全部", "所有"]

    private enum Look {
        case empty
        case unreadable(any Error)
        case header(DetectedHeader)
    }

    static func choose<K: LedgerKind>(_ kind: K.Type, source: ImportSource, requested: String?,
                                      overrides: [String: String]) throws -> SheetPlan {
        let names = source.tableNames
        let file = source.url.lastPathComponent
        if let requested, !(everySheet.contains(requested.lowercased()) && !names.contains(requested)) {
            return SheetPlan(tables: [try source.sheetIndex(named: requested)])
        }
        let all = requested != nil
        guard names.count > 1 else { return SheetPlan(tables: [0]) }

        // Each sheet's first rows, to find its header (a few rows each; the import reads them again).
        var looks: [Look] = []
        for index in names.indices {
            do {
                let reader = try source.reader(table: index)
                looks.append(try HeaderFinder.find(in: reader, fields: K.fields, overrides: overrides, file: file)
                    .map(Look.header) ?? .empty)
            } catch let error as WorkflowError where error.code == .invalidInput {
                looks.append(.unreadable(error))
            }
        }
        let withHeader = looks.indices.filter { if case .header = looks[$0] { true } else { false } }
        guard let first = withHeader.first, case .header(let reference) = looks[first] else {
            // No sheet has the headers: the first sheet with rows says why.
            for look in looks { if case .unreadable(let error) = look { throw error } }
            throw WorkflowError.invalidInput(Message(ImportFileMessages.noRows, ["file": file]),
                                             hint: Message(ImportFileMessages.headerRowNeeded))
        }
        func sameHeader(_ index: Int) -> Bool {
            guard case .header(let header) = looks[index] else { return false }
            return Self.signature(header.cells) == Self.signature(reference.cells)
        }
        let differing = withHeader.filter { !sameHeader($0) }
        var plan = SheetPlan(tables: withHeader)
        if all, let other = differing.first, let name = names[other] {
            throw WorkflowError.usage(
                Message(ImportFileMessages.otherColumns, ["sheet": name, "file": file, "first": names[first] ?? ""]),
                hint: Message(ImportFileMessages.importAlone, ["sheet": name]))
        }
        if !differing.isEmpty {
            plan.tables = [first]
            plan.notes.append(Message(ImportMessages.sheetsNotRead, [
                "sheets": differing.compactMap { names[$0] }.map { "'\($0)'" }.joined(separator: ", "),
                "first": names[first] ?? ""]))
        }
        let leftOut = names.indices.filter { !withHeader.contains($0) }
        for index in leftOut {
            guard let name = names[index] else { continue }
            switch looks[index] {
            case .empty: if all { plan.notes.append(Message(ImportMessages.sheetEmpty, ["sheet": name])) }
            case .unreadable: plan.notes.append(Message(ImportMessages.sheetWithoutHeader, ["sheet": name]))
            case .header: break
            }
        }
        if plan.tables.count > 1 || all {
            let sheetNames = plan.tables.compactMap { names[$0] }
            if !sheetNames.contains(where: isDefaultName) {
                plan.placeField = K.fieldNamedBySheets(sheetNames) { reference.layout.index($0) != nil }
            }
        }
        return plan
    }

    /// A header row compared across sheets: its headers as the import reads them, without the
    /// empty cells a sheet may have at its end.
    static func signature(_ cells: [String]) -> [String] {
        var normalized = cells.map(ColumnLayout.normalize)
        while normalized.last?.isEmpty == true { normalized.removeLast() }
        return normalized
    }

    /// Names Excel and WPS give new sheets (Sheet1, 工作表1): they name no place.
    static func isDefaultName(_ name: String) -> Bool {
        let compact = name.lowercased().filter { !$0.isWhitespace }
        for prefix in ["sheet", "工作表", "表"] where compact.hasPrefix(prefix) {
            let rest = compact.dropFirst(prefix.count)
            if rest.isEmpty || rest.allSatisfy(\.isNumber) { return true }
        }
        return false
    }
}
