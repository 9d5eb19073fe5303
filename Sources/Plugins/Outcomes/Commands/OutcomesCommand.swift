import ArgumentParser
import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

struct OutcomesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcomes",
        abstract: "List a campaign's job seekers by outcome (masked), or one person's outcome history.")

    @Option(help: "The campaign.") var campaign: String
    @Option(help: "Show this person's history: badge code, ID number or mobile number.") var person: String?
    @Option(help: "List only people at this stage or further (e.g. placement).") var stage: OutcomeStage = .interviewed
    @Option(help: "Write the list to this CSV file (UTF-8 with BOM, masked).") var csv: String?
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let ws = try workspace.openExisting()
            let t = Terminal.standard
            if let person {
                let (zone, changes) = try await ws.pool.read { db in
                    (try RunQueries.requireRun(campaign, in: db).timeZone,
                     try OutcomeRecorder.history(campaign: campaign, person: person, db: db))
                }
                if changes.isEmpty { t.line("no outcome recorded for this person in \(campaign)") }
                var table = TextTable(headers: ["recorded", "posting", "from", "to", "date", "by", "source", "note"],
                                      numeric: Array(repeating: false, count: 8))
                for c in changes {
                    table.rows.append([TimeFormats.display(c.recordedAt, timeZone: zone), "\(c.postingCode) \(c.postingTitle)",
                                       c.from.verb, c.to.verb + (c.correction ? " (correction)" : ""), c.date, c.recordedBy,
                                       c.source, c.note])
                }
                if !changes.isEmpty { t.line(table.render()) }
                return
            }
            let people = try await ws.pool.read { [stage] db in
                _ = try RunQueries.requireRun(campaign, in: db)
                return try OutcomeRecorder.people(campaign: campaign, atLeast: stage, db: db)
            }
            var table = TextTable(headers: ["name", "ID number", "phone", "township", "village", "stage", "date", "posting"],
                                  numeric: Array(repeating: false, count: 8))
            for p in people {
                table.rows.append([p.maskedName, p.maskedID, p.maskedPhone, p.township, p.village, p.stage.label, p.date,
                                   "\(p.postingCode) \(p.postingTitle)（\(p.enterprise)）"])
            }
            if let csv {
                try CSVExport.write([table.headers] + table.rows, to: csv)
                try await ExportAudit.record(ws, campaign: campaign, file: csv, rows: people.count, what: "outcome list (masked)")
                t.line("wrote \(people.count) people to \(csv) (ID numbers and phones masked)")
            } else {
                t.line(table.render())
                t.line("\(people.count) people at \(stage.verb) or further; ID numbers and phones masked")
            }
        }
    }
}
