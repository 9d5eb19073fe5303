import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Workflow
import ZIPFoundation

/// Reads the rows of one worksheet of an .xlsx file (Office Open XML): the ZIP container is
/// opened with ZIPFoundation, the shared strings and the sheet are parsed with a streaming XML
/// parser. Cells keep their text as shown, trimmed; empty cells between filled ones are kept as "".
final class XLSXReader: TableReader, @unchecked Sendable {
    private var rows: [(number: Int, cells: [String])] = []
    private var index = 0
    private(set) var row = 0
    /// Cells come from the workbook's own typed XML: there is no encoding to get wrong.
    let problem: CellProblem? = nil
    let totalBytes: Int
    var bytesRead: Int { rows.isEmpty ? totalBytes : totalBytes * index / rows.count }
    let sheetName: String

    init(url: URL, sheet requested: String?) throws {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw WorkflowError.invalidInput("'\(url.lastPathComponent)' is not a readable .xlsx workbook",
                                             hint: "save it again from Excel or WPS as .xlsx, or export it as CSV")
        }
        totalBytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        func read(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: true) { data.append($0) }
            return data
        }
        guard let workbook = try read("xl/workbook.xml") else {
            throw WorkflowError.invalidInput("'\(url.lastPathComponent)' has no workbook part; it is not an .xlsx file")
        }
        let sheets = WorkbookSheetsParser.parse(workbook)
        let relations = try read("xl/_rels/workbook.xml.rels").map(RelationshipsParser.parse) ?? [:]
        guard !sheets.isEmpty else { throw WorkflowError.invalidInput("'\(url.lastPathComponent)' has no worksheet") }
        let chosen: (name: String, relation: String)
        if let requested {
            guard let match = sheets.first(where: { $0.name == requested }) else {
                throw WorkflowError.usage("the workbook has no sheet named '\(requested)'",
                                          hint: "its sheets: " + sheets.map { "'\($0.name)'" }.joined(separator: ", "))
            }
            chosen = match
        } else {
            chosen = sheets[0]
        }
        sheetName = chosen.name
        var target = relations[chosen.relation] ?? "worksheets/sheet1.xml"
        if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
        guard let sheetData = try read(target) else {
            throw WorkflowError.invalidInput("sheet '\(chosen.name)' is missing from the workbook")
        }
        let shared = try read("xl/sharedStrings.xml").map(SharedStringsParser.parse) ?? []
        rows = SheetParser.parse(sheetData, sharedStrings: shared)
    }

    func next() throws -> [String]? {
        while index < rows.count {
            let cells = rows[index].cells.map(CellText.trimmed)
            row = rows[index].number
            index += 1
            if cells.allSatisfy({ $0.isEmpty }) { continue }
            return cells
        }
        return nil
    }
}

/// Base class for the small SAX parsers below: collects character data between events.
/// Every delegate method is declared here and overridden below: on Linux the protocol witness is
/// fixed at the class that declares the conformance, so a method only a subclass has is never called.
class XMLCollector: NSObject, XMLParserDelegate {
    var text = ""
    var collecting = false

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {}

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {}

    static func localName(_ name: String) -> Substring {
        name.split(separator: ":").last ?? Substring(name)
    }

    /// Runs a parser over a document with `delegate` and returns the delegate, filled in.
    static func run<Delegate: XMLCollector>(_ delegate: Delegate, on data: Data) -> Delegate {
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        return delegate
    }
}

final class WorkbookSheetsParser: XMLCollector {
    var sheets: [(name: String, relation: String)] = []

    static func parse(_ data: Data) -> [(name: String, relation: String)] {
        run(WorkbookSheetsParser(), on: data).sheets
    }

    override func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                         qualifiedName: String?, attributes: [String: String] = [:]) {
        guard Self.localName(name) == "sheet" else { return }
        let relation = attributes.first { $0.key.hasSuffix(":id") || $0.key == "id" }?.value ?? ""
        sheets.append((attributes["name"] ?? "Sheet\(sheets.count + 1)", relation))
    }
}

final class RelationshipsParser: XMLCollector {
    var targets: [String: String] = [:]

    static func parse(_ data: Data) -> [String: String] {
        run(RelationshipsParser(), on: data).targets
    }

    override func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                         qualifiedName: String?, attributes: [String: String] = [:]) {
        guard Self.localName(name) == "Relationship", let id = attributes["Id"], let target = attributes["Target"]
        else { return }
        targets[id] = target
    }
}

final class SharedStringsParser: XMLCollector {
    var strings: [String] = []
    var current = ""
    var inPhonetic = false

    static func parse(_ data: Data) -> [String] {
        run(SharedStringsParser(), on: data).strings
    }

    override func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                         qualifiedName: String?, attributes: [String: String] = [:]) {
        switch Self.localName(name) {
        case "si": current = ""
        case "rPh": inPhonetic = true
        case "t" where !inPhonetic:
            collecting = true
            text = ""
        default: break
        }
    }

    override func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
                         qualifiedName: String?) {
        switch Self.localName(name) {
        case "t" where collecting:
            current += text
            collecting = false
        case "rPh": inPhonetic = false
        case "si": strings.append(current)
        default: break
        }
    }
}

final class SheetParser: XMLCollector {
    let shared: [String]
    var rows: [(number: Int, cells: [String])] = []
    var cells: [String] = []
    var rowNumber = 0
    var cellColumn = 0
    var cellType = ""
    var value = ""

    init(shared: [String]) {
        self.shared = shared
    }

    static func parse(_ data: Data, sharedStrings: [String]) -> [(number: Int, cells: [String])] {
        run(SheetParser(shared: sharedStrings), on: data).rows
    }

    /// "BC12" → 54 (0-based column index 54 → BC), from the letters of a cell reference.
    static func column(of reference: String) -> Int {
        var n = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            n = n * 26 + Int(scalar.value - 64)
        }
        return n - 1
    }

    override func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                         qualifiedName: String?, attributes: [String: String] = [:]) {
        switch Self.localName(name) {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = []
        case "c":
            cellColumn = attributes["r"].map(Self.column(of:)) ?? cells.count
            if cellColumn < 0 { cellColumn = cells.count }
            cellType = attributes["t"] ?? "n"
            value = ""
        case "v", "t":
            collecting = true
            text = ""
        default: break
        }
    }

    override func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
                         qualifiedName: String?) {
        switch Self.localName(name) {
        case "v", "t":
            value += text
            collecting = false
        case "c":
            var shown = value
            switch cellType {
            case "s": shown = Int(value).flatMap { $0 < shared.count ? shared[$0] : nil } ?? ""
            case "b": shown = value == "1" ? "TRUE" : "FALSE"
            case "n": shown = Self.number(value)
            default: break
            }
            while cells.count < cellColumn { cells.append("") }
            if cells.count == cellColumn { cells.append(shown) } else if cellColumn < cells.count { cells[cellColumn] = shown }
        case "row":
            rows.append((rowNumber, cells))
        default: break
        }
    }

    /// Numbers as a person would read them: 13800138000 rather than 1.3800138E10, 12 rather than 12.0.
    static func number(_ raw: String) -> String {
        guard let d = Double(raw), raw.contains("E") || raw.contains("e") || raw.hasSuffix(".0") else { return raw }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return raw
    }
}
