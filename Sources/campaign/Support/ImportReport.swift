import ArgumentParser
import Foundation
import Ledger
import PluginKit
import Workflow

enum ImportReport {
    static func print(_ s: ImportSummary, kind: ImportKind, campaign: String?) {
        let t = Terminal.standard
        let name = URL(fileURLWithPath: s.file).lastPathComponent
        let rate = s.seconds > 0.5 ? String(format: ", %.1f s, %.0f rows/s", s.seconds, Double(s.rows) / s.seconds) : ""
        t.line(t.bold("Imported \(name)") + " (\(s.format)\(rate))")
        if s.sheets.count > 1 {
            for sheet in s.sheets {
                let place = sheet.fieldFromName.map { ", \($0) from the sheet's name" } ?? ""
                t.line("  sheet \(sheet.name ?? ""): header row \(sheet.headerRow), \(sheet.rows) rows, \(sheet.rejected) "
                       + "rejected, \(sheet.skipped) skipped\(place)")
            }
        } else if let sheet = s.sheets.first, sheet.headerRow > 1 {
            t.line("  header row \(sheet.headerRow)" + (sheet.description.isEmpty ? ""
                   : "; above it: " + sheet.description.map(Masking.scrub).joined(separator: " / ")))
        }
        if s.sheets.count > 1, let description = s.sheets.first?.description, !description.isEmpty {
            t.line("  above the headers: " + description.map(Masking.scrub).joined(separator: " / "))
        }
        t.line("  \(s.rows) rows: \(t.green("\(s.inserted) new")), \(s.updated) updated, \(s.unchanged) unchanged, "
               + (s.rejected > 0 ? t.red("\(s.rejected) rejected") : "0 rejected")
               + (s.skipped > 0 ? "; \(s.skipped) skipped (totals, notes, empty lines)" : ""))
        for skipped in s.skippedRows { t.line("  – skipped \(skipped.summary)") }
        if s.skipped > s.skippedRows.count { t.line("  … and \(s.skipped - s.skippedRows.count) more skipped") }
        for note in s.notes { t.line("  \(t.yellow("!")) \(note)") }
        if let campaign, !kind.needsCampaign {
            let noun = kind.loadsPeople ? "registered to" : "linked to"
            t.line("  \(s.linked) newly \(noun) \(campaign)")
        }
        for problem in s.cellProblems { t.line("  \(t.yellow("!")) \(problem.summary)") }
        if s.rejected > 0 || s.cellsRefused > 0 {
            for problem in s.problems { t.line("  \(t.red("✗")) \(problem.summary)") }
            if s.rejected > s.problems.count { t.line("  … and \(s.rejected - s.problems.count) more") }
            if let file = s.rejectFile {
                t.line("  Rejected rows, with the reason for each: \(file)")
                if s.rejectFileMoved {
                    t.line("  (the input's folder is read-only, so the reject file is beside the workspace)")
                }
                t.line("  Fix them there and import that file again; the valid rows are already in.")
            }
        }
    }
}
