import ArgumentParser
import Foundation
import Ledger
import PluginKit
import Workflow

/// What `campaign import` prints once the file is read, worded from `ImportReportMessages`.
enum ImportReport {

    static func print(_ s: ImportSummary, kind: ImportKind, campaign: String?, language: Language) {
        let t = Terminal.standard
        func say(_ text: MessageText, _ values: [String: String] = [:]) -> String { Message(text, values).text(language) }
        let name = URL(fileURLWithPath: s.file).lastPathComponent
        let rate = s.seconds > 0.5 ? say(ImportReportMessages.rate, ["seconds": String(format: "%.1f", s.seconds),
                                                  "speed": String(format: "%.0f", Double(s.rows) / s.seconds)]) : ""
        t.line(t.bold(say(ImportReportMessages.imported, ["file": name, "format": s.format, "rate": rate])))
        if s.sheets.count > 1 {
            for sheet in s.sheets {
                // The field by its Chinese header (乡镇) for a Chinese reader, by its key for others.
                let place = sheet.fieldFromName.map { key in
                    say(ImportReportMessages.placeFromSheetName, ["field": language == .zh ? kind.fields.first { $0.key == key }?.label ?? key : key])
                } ?? ""
                t.line("  " + say(ImportReportMessages.sheetLine, ["sheet": sheet.name ?? "", "header": String(sheet.headerRow),
                                                "rows": String(sheet.rows), "rejected": String(sheet.rejected),
                                                "skipped": String(sheet.skipped)]) + place)
            }
        } else if let sheet = s.sheets.first, sheet.headerRow > 1 {
            t.line("  " + say(ImportReportMessages.headerRow, ["header": String(sheet.headerRow)]) + (sheet.description.isEmpty ? ""
                   : say(ImportReportMessages.aboveIt, ["text": sheet.description.map(Masking.scrub).joined(separator: " / ")])))
        }
        if s.sheets.count > 1, let description = s.sheets.first?.description, !description.isEmpty {
            t.line("  " + say(ImportReportMessages.aboveHeaders, ["text": description.map(Masking.scrub).joined(separator: " / ")]))
        }
        let rejected = say(ImportReportMessages.rowsRejected, ["rejected": String(s.rejected)])
        t.line("  " + t.green(say(ImportReportMessages.rowsNew, ["rows": String(s.rows), "new": String(s.inserted)]))
               + say(ImportReportMessages.rowsKept, ["updated": String(s.updated), "unchanged": String(s.unchanged)])
               + (s.rejected > 0 ? t.red(rejected) : rejected)
               + (s.skipped > 0 ? say(ImportReportMessages.rowsSkipped, ["skipped": String(s.skipped)]) : ""))
        for skipped in s.skippedRows { t.line("  – " + say(ImportReportMessages.skippedRow, ["row": skipped.summary(language)])) }
        if s.skipped > s.skippedRows.count {
            t.line("  " + say(ImportReportMessages.moreSkipped, ["count": String(s.skipped - s.skippedRows.count)]))
        }
        for note in s.notes { t.line("  \(t.yellow("!")) \(note.text(language))") }
        if let campaign, !kind.needsCampaign {
            t.line("  " + say(kind.loadsPeople ? ImportReportMessages.registered : ImportReportMessages.linked, ["count": String(s.linked), "campaign": campaign]))
        }
        for problem in s.cellProblems { t.line("  \(t.yellow("!")) \(problem.summary(language))") }
        if s.rejected > 0 || s.cellsRefused > 0 {
            for problem in s.problems { t.line("  \(t.red("✗")) \(problem.summary(language))") }
            if s.rejected > s.problems.count { t.line("  " + say(ImportReportMessages.moreRejected, ["count": String(s.rejected - s.problems.count)])) }
            if let file = s.rejectFile {
                t.line("  " + say(ImportReportMessages.rejectFile, ["file": file]))
                if s.rejectFileMoved { t.line("  " + say(ImportReportMessages.rejectFileMoved)) }
                t.line("  " + say(ImportReportMessages.fixThere))
            }
        }
    }
}
