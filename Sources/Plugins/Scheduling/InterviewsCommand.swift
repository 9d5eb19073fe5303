import ArgumentParser
import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

struct InterviewsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interviews",
        abstract: "A campaign's planned interviews (masked), the wishes left out and why, and calendars (.ics).",
        discussion: """
            The plan is made by the schedule.interviews step from the wishes `campaign import wishes` read.
            --ics DIR writes one calendar per booth (booth-CREDITCODE.ics) and per job seeker (seeker-N.ics):
            import them again after a new plan and calendars move the events that moved.
            """)

    @Option(help: "The campaign.") var campaign: String
    @Option(help: "Only this person's interviews: badge code, ID number or mobile number.") var person: String?
    @Flag(help: "List the wishes left out, each with its reason.") var unmet = false
    @Option(help: "Write the list to this CSV file (UTF-8 with BOM, masked).") var csv: String?
    @Option(help: "Write iCalendar files into this folder.") var ics: String?
    @Option(help: "Write printable slips (HTML, A4, eight to a page) for the job seekers to this file.") var slips: String?
    @Option(help: "Language of reasons: zh or en.") var lang = "zh"
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let ws = try workspace.openExisting()
            let t = Terminal.standard
            let view = try await ws.pool.read { [campaign, person] db in
                try InterviewListing.read(campaign: campaign, person: person, db: db)
            }
            if unmet {
                var table = TextTable(headers: ["job seeker", "ID number", "posting", "wish", "reason"],
                                      numeric: [false, false, false, true, false])
                for row in view.unmet {
                    table.rows.append([row.name, row.idNumber, row.posting, "\(row.rank)", lang == "en" ? row.reasonEn : row.reasonZh])
                }
                try output(table, count: view.unmet.count, noun: "wishes left out", t: t)
                return
            }
            var table = TextTable(headers: ["time", "booth", "posting", "interviewer", "job seeker", "ID number", "wish"],
                                  numeric: [false, false, false, true, false, false, true])
            for row in view.interviews {
                table.rows.append([row.time, (row.boothNumber.map { "\($0) " } ?? "") + row.booth, row.posting,
                                   "\(row.interviewer)", row.name, row.idNumber, "\(row.rank)"])
            }
            if let slips {
                let html = InterviewSlips.html(view, campaign: campaign)
                try Data(html.utf8).write(to: URL(fileURLWithPath: slips), options: .atomic)
                t.line("wrote \(Set(view.interviews.map(\.person)).count) slips to \(slips) (names and ID numbers masked)")
                return
            }
            if let ics {
                let written = try InterviewCalendars.write(view, campaign: campaign, to: URL(fileURLWithPath: ics),
                                                           stamp: try CommandSupport.clock().now())
                t.line("wrote \(written) calendars to \(ics) (one per booth and per job seeker; names masked)")
                return
            }
            try output(table, count: view.interviews.count, noun: "interviews", t: t)
        }
    }

    private func output(_ table: TextTable, count: Int, noun: String, t: Terminal) throws {
        if let csv {
            try CSVExport.write([table.headers] + table.rows, to: csv)
            t.line("wrote \(count) \(noun) to \(csv) (ID numbers masked)")
        } else {
            if count > 0 { t.line(table.render()) }
            t.line("\(count) \(noun); ID numbers masked")
        }
    }
}
