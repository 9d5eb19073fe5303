import Foundation
import Workflow

/// The file an import reads, opened: a CSV (one table) or a workbook (one or more sheets). An old
/// `.xls` workbook or a WPS `.et` file is first converted to .xlsx by LibreOffice, when it is
/// installed, in a temporary folder removed when the import ends.
final class ImportSource: @unchecked Sendable {
    /// The file the clerk named (the reject file goes beside it, whatever was converted).
    let url: URL
    /// "CSV, utf-8", "XLSX", "XLS (converted by LibreOffice)".
    let format: String
    /// The sheets' names, in the workbook's order; one nameless table for a CSV.
    let tableNames: [String?]
    private let workbook: XLSXWorkbook?
    private let encoding: TextEncoding?
    private var temporaryFolder: URL?
    /// The first table, opened to read its encoding; handed to the first `reader(table:)` call.
    private var openedCSV: CSVReader?

    init(url: URL, encoding: TextEncoding?) throws {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw WorkflowError.unavailable(Message(ImportFileMessages.noSuchFile, ["path": url.path]),
                                            hint: Message(ImportFileMessages.checkPath))
        }
        self.url = url
        self.encoding = encoding
        switch url.pathExtension.lowercased() {
        case "xlsx", "xlsm":
            let workbook = try XLSXWorkbook(url: url)
            self.workbook = workbook
            format = "XLSX"
            tableNames = workbook.sheets.map(\.name)
            totalBytes = workbook.totalBytes
        case "xls", "et", "ett", "xlt":
            let (converted, folder) = try LegacyWorkbook.convert(url)
            temporaryFolder = folder
            let workbook: XLSXWorkbook
            do {
                workbook = try XLSXWorkbook(url: converted)
            } catch {
                try? FileManager.default.removeItem(at: folder)
                throw error
            }
            self.workbook = workbook
            format = "\(url.pathExtension.uppercased()) (converted by LibreOffice)"
            tableNames = workbook.sheets.map(\.name)
            totalBytes = workbook.totalBytes
        default:
            let csv = try CSVReader(url: url, encoding: encoding)
            openedCSV = csv
            workbook = nil
            format = "CSV, \(csv.encoding.rawValue)"
            tableNames = [nil]
            totalBytes = csv.totalBytes
        }
    }

    deinit {
        if let temporaryFolder { try? FileManager.default.removeItem(at: temporaryFolder) }
    }

    var isWorkbook: Bool { workbook != nil }
    /// The file's size, for progress and for sizing the import's tables up front.
    let totalBytes: Int

    /// A fresh reader of table `index` (reading a sheet's first rows twice is how the import
    /// decides which sheets to read).
    func reader(table index: Int) throws -> any TableReader {
        if let workbook { return try workbook.reader(sheet: index) }
        if let csv = openedCSV {
            openedCSV = nil
            return csv
        }
        return try CSVReader(url: url, encoding: encoding)
    }

    /// The position of a sheet named on the command line or in a step.
    func sheetIndex(named name: String) throws -> Int {
        guard let workbook else {
            throw WorkflowError.usage(Message(ImportFileMessages.csvHasNoSheets, ["file": url.lastPathComponent]),
                                      hint: Message(ImportFileMessages.leaveOutSheet))
        }
        return try workbook.sheetIndex(named: name)
    }
}
