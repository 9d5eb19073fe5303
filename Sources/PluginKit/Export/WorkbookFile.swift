import CXlsxWriter
import Foundation
import Workflow

/// The one way a workbook reaches the disk (libxlsxwriter, Debian's libxlsxwriter-dev): the folder
/// checked first, the workbook built into a temporary file beside the target, closed, and only then
/// renamed into place — so an error leaves neither a half-written file nor the temporary one.
/// `TableWorkbook` (printable lists) and the tally's workbook both write through it.
public enum WorkbookFile {
    public typealias Workbook = UnsafeMutablePointer<lxw_workbook>

    /// Builds the workbook with `build` and writes it to `url`. `unusableFolder` words the error when
    /// the folder is not there or cannot be written, for a command that points at its own option
    /// (`--out`); without it, a missing folder and an unwritable one are told apart.
    public static func write(to url: URL, unusableFolder: ((URL) -> WorkflowError)? = nil,
                             build: (Workbook) throws -> Void) throws {
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw unusableFolder?(url) ?? WorkflowError.unavailable(
                ToolMessages.noFolder(["name": url.lastPathComponent, "folder": folder.path]), hint: ToolMessages.createIt())
        }
        if let unusableFolder, !FileManager.default.isWritableFile(atPath: folder.path) { throw unusableFolder(url) }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard let workbook = workbook_new(temporary.path) else {
            throw WorkflowError.unavailable(ToolMessages.cannotCreate(["path": url.path]), hint: ToolMessages.checkWritable())
        }
        do {
            try build(workbook)
        } catch {
            _ = workbook_close(workbook)
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            try? FileManager.default.removeItem(at: temporary)
            throw WorkflowError.unavailable(ToolMessages.couldNotWrite(["name": url.lastPathComponent,
                                                                        "reason": String(cString: lxw_strerror(status))]),
                                            hint: ToolMessages.diskNotFull())
        }
        _ = try? FileManager.default.removeItem(at: url)
        try FileManager.default.moveItem(at: temporary, to: url)
    }

    /// Printed as the county prints it: A4 (paper 9), one page wide (as many tall as it takes), the
    /// header row repeated on every page.
    public static func pageSetup(_ worksheet: UnsafeMutablePointer<lxw_worksheet>, landscape: Bool, headerRow: UInt32,
                                 margins: Bool = true) {
        worksheet_set_paper(worksheet, 9)
        if landscape { worksheet_set_landscape(worksheet) } else { worksheet_set_portrait(worksheet) }
        worksheet_fit_to_pages(worksheet, 1, 0)
        _ = worksheet_repeat_rows(worksheet, headerRow, headerRow)
        if margins { worksheet_set_margins(worksheet, 0.5, 0.5, 0.6, 0.6) }
    }

    /// The county form on every printed page: the report's title (and the sheet's) at the top; the
    /// lines it is signed under at the foot's left, "第 N 页，共 M 页" at its right. Excel holds 255
    /// characters in each; a longer title is cut, never refused.
    public static func formHeaderFooter(_ worksheet: UnsafeMutablePointer<lxw_worksheet>, title: String,
                                        signature: [(label: String, value: String)], lang: Language) {
        let escape = { (text: String) in text.replacingOccurrences(of: "&", with: "&&") }
        let pageOf = PrintedForm.excelPageOf(lang)
        _ = worksheet_set_header(worksheet, "&C" + String(escape(title).prefix(200)))
        let signed = escape(ReportForm.line(signature, lang))
        _ = worksheet_set_footer(worksheet, "&L" + String(signed.prefix(230 - pageOf.count)) + "&R" + pageOf)
    }
}
