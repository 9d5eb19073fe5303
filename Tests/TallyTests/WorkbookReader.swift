import Foundation

/// Workbooks read back by openpyxl, a real reader of the files Excel opens: every sheet's rows as
/// text (blank cells empty), many workbooks in one Python process.
enum WorkbookReader {
    static let script = """
        import json, sys, openpyxl
        out = {}
        for path in json.load(sys.stdin):
            book = openpyxl.load_workbook(path)
            out[path] = {sheet.title: [["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)]
                         for sheet in book.worksheets}
        json.dump(out, sys.stdout, ensure_ascii=False)
        """

    static func read(_ paths: [String]) throws -> [String: [String: [[String]]]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: try JSONSerialization.data(withJSONObject: paths))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problems = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let sheets = try JSONSerialization.jsonObject(with: data) as? [String: [String: [[String]]]] else {
            throw PlayError("openpyxl failed (\(process.terminationStatus)): \(String(decoding: problems, as: UTF8.self))")
        }
        return sheets
    }
}
