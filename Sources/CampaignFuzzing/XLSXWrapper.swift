import Foundation
import ZIPFoundation

/// Turns fuzz bytes into a workbook the importer opens. Bytes that already are a zip (`PK`) are
/// used as they are; otherwise they are the sheet's XML and, after a `\u{1}` separator, the
/// shared strings — wrapped in a valid package, so the mutations reach the XML reader instead of
/// dying at the zip's checksum.
enum XLSXWrapper {
    static let separator: UInt8 = 0x01

    static func workbook(from bytes: [UInt8]) -> [UInt8] {
        if bytes.starts(with: [0x50, 0x4B]) { return bytes }
        let parts = bytes.split(separator: separator, maxSplits: 1, omittingEmptySubsequences: false)
        let sheet = Data(parts.first ?? [])
        let shared = parts.count > 1 ? Data(parts[1]) : nil
        guard let archive = try? Archive(data: Data(), accessMode: .create, pathEncoding: nil) else { return bytes }
        var entries: [(String, Data)] = [
            ("[Content_Types].xml", Data(contentTypes(shared: shared != nil).utf8)),
            ("_rels/.rels", Data(rootRelations.utf8)),
            ("xl/workbook.xml", Data(workbookXML.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(workbookRelations(shared: shared != nil).utf8)),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        if let shared { entries.append(("xl/sharedStrings.xml", shared)) }
        for (path, data) in entries {
            try? archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                  compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data.map { Array($0) } ?? bytes
    }

    /// The bytes as `sharedStrings.xml`, beside a sheet whose header row is typed in and whose twelve
    /// rows of four cells refer to shared strings 0–7 — one long string is then read many times over.
    static func workbook(sharedStrings bytes: [UInt8]) -> [UInt8] {
        var rows = "<row r=\"1\">" + ["姓名", "身份证号", "手机号", "乡镇"].enumerated().map { column, title in
            "<c r=\"\(Character(UnicodeScalar(65 + column)!))1\" t=\"inlineStr\"><is><t>\(title)</t></is></c>"
        }.joined() + "</row>"
        for row in 2...13 {
            rows += "<row r=\"\(row)\">" + (0..<4).map { column in
                "<c r=\"\(Character(UnicodeScalar(65 + column)!))\(row)\" t=\"s\"><v>\((row + column) % 8)</v></c>"
            }.joined() + "</row>"
        }
        let sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetData>\(rows)</sheetData></worksheet>"
        return workbook(from: Array(sheet.utf8) + [separator] + bytes)
    }

    static func contentTypes(shared: Bool) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        \(shared ? "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" : "")\
        </Types>
        """
    }

    static let rootRelations = """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    static let workbookXML = """
        <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
        <sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>
        """

    static func workbookRelations(shared: Bool) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
        \(shared ? "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>" : "")\
        </Relationships>
        """
    }
}
