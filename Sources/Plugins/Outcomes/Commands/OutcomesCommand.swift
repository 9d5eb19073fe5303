import ArgumentParser
import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

struct OutcomesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcomes",
        abstract: CommandHelp.text(
            zh: "按结果列出活动的求职者（已打码），或一个人的结果历史。",
            en: "List a campaign's job seekers by outcome (masked), or one person's outcome history."))

    @Option(help: ArgumentHelp(CommandHelp.text(zh: "活动。", en: "The campaign."))) var campaign: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "显示此人的记录：胸卡码、身份证号或手机号。", en: "Show this person's history: badge code, ID number or mobile number."))) var person: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "只列出达到这一结果或更进一步的人（例如 placement）。", en: "List only people at this stage or further (e.g. placement)."))) var stage: OutcomeStage = .interviewed
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "把名单写入这个 CSV 文件（带 BOM 的 UTF-8，已脱敏）。", en: "Write the list to this CSV file (UTF-8 with BOM, masked)."))) var csv: String?
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var language: LanguageOptions

    func run() async throws {
        let lang = language.adopt()
        func say(_ text: MessageText, _ values: [String: String] = [:]) -> String { Message(text, values).text(lang) }
        try await CommandSupport.reportingErrors(language: lang) {
            let ws = try workspace.openExisting()
            let t = Terminal.standard
            if let person {
                let (zone, changes) = try await ws.pool.read { db in
                    (try RunQueries.requireRun(db, campaign).timeZone,
                     try OutcomeRecorder.history(db, campaign: campaign, person: person))
                }
                if changes.isEmpty { t.line(say(OutcomeListMessages.noOutcome, ["campaign": campaign])) }
                var table = TextTable(headers: [OutcomeListMessages.recorded, OutcomeListMessages.posting, OutcomeListMessages.from, OutcomeListMessages.to, OutcomeListMessages.date, OutcomeListMessages.by, OutcomeListMessages.source, OutcomeListMessages.note].map { say($0) },
                                      numeric: Array(repeating: false, count: 8))
                for c in changes {
                    table.rows.append([TimeFormats.display(c.recordedAt, timeZone: zone) + " " + zone.identifier,
                                       "\(c.postingCode) \(c.postingTitle)", c.from.word(lang),
                                       c.to.word(lang) + (c.correction ? say(OutcomeListMessages.correction) : ""), c.date, c.recordedBy,
                                       c.source, c.note])
                }
                if !changes.isEmpty { t.line(table.render()) }
                return
            }
            let people = try await ws.pool.read { [stage] db in
                _ = try RunQueries.requireRun(db, campaign)
                return try OutcomeRecorder.people(db, campaign: campaign, atLeast: stage)
            }
            var table = TextTable(headers: [OutcomeListMessages.name, OutcomeListMessages.idNumber, OutcomeListMessages.phone, OutcomeListMessages.township, OutcomeListMessages.village, OutcomeListMessages.stage, OutcomeListMessages.date, OutcomeListMessages.posting]
                                    .map { say($0) }, numeric: Array(repeating: false, count: 8))
            for p in people {
                table.rows.append([p.maskedName, p.maskedID, p.maskedPhone, p.township, p.village, p.stage.word(lang), p.date,
                                   Punctuation.remark.text(lang, ["what": "\(p.postingCode) \(p.postingTitle)", "remark": p.enterprise])])
            }
            if let csv {
                try CSVExport.write([table.headers] + table.rows, to: csv)
                try await ExportAudit.record(ws, campaign: campaign, file: csv, rows: people.count, what: AdminMessages.outcomeList)
                t.line(say(OutcomeListMessages.wrote, ["count": String(people.count), "file": csv]))
            } else {
                t.line(table.render())
                t.line(say(OutcomeListMessages.atStage, ["count": String(people.count), "stage": stage.word(lang)]))
            }
        }
    }
}
