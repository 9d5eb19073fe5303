import ArgumentParser
import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

/// `campaign monitoring --campaign C`: a month of monitoring — the figures and the changes against
/// the month before, the people changed, the one-to-one help list, and recording what help came to.
struct MonitoringCommand: AsyncParsableCommand, ChoosesLanguage {
    static let configuration = CommandConfiguration(
        commandName: "monitoring",
        abstract: CommandHelp.text(
            zh: "就业动态监测的一个月：务工情况、与上月相比的变化、一对一帮扶名单及结果登记。",
            en: "A month of employment monitoring: who works where, the changes against the month before, one-to-one help."),
        discussion: CommandHelp.text(zh: """
            不带选项时显示本月的数字；--changes 列出发生变化的人（已打码），--help-list 列出帮扶名单和结果。
            登记帮扶结果：--record 身份证号 --result contacted|placed|public-job|trained|declined|unreachable [--note 说明] [--staff 姓名]。
            按乡镇或人员类别的统计用 campaign tally C --by township,group。
            """, en: """
            Without options, the month's figures; --changes lists the people who changed (masked), --help-list the
            help list with results. Record what help came to: --record ID --result contacted|placed|public-job|trained|
            declined|unreachable [--note TEXT] [--staff NAME]. By township or group: campaign tally C --by township,group.
            """))

    @Option(help: ArgumentHelp(CommandHelp.text(zh: "监测活动（某一个月）。", en: "The monitoring campaign (one month)."))) var campaign: String
    @Flag(help: ArgumentHelp(CommandHelp.text(zh: "列出与上月相比发生变化的人。", en: "List the people who changed since the month before."))) var changes = false
    @Flag(help: ArgumentHelp(CommandHelp.text(zh: "列出一对一帮扶名单和结果。", en: "List the one-to-one help list with results."))) var helpList = false
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "要登记帮扶结果的人的身份证号。", en: "The ID number of the person whose help to record."))) var record: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "帮扶结果。", en: "What the help came to."))) var result: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "帮扶说明。", en: "A note on the help."))) var note = ""
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "登记人。", en: "Who records it."))) var staff = ""
    @OptionGroup var languageOptions: LanguageOptions
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
        if (record == nil) != (result == nil) {
            throw ValidationError(Message(MonitoringMessages.notAResult, ["value": result ?? ""]).text(language))
        }
        if let result, HelpResult(rawValue: result) == nil || result == "open" {
            throw ValidationError(Message(MonitoringMessages.notAResult, ["value": Masking.scrub(result)]).text(language))
        }
    }

    func run() async throws {
        try await CommandSupport.reportingErrors(language: language) {
            let ws = try workspace.openExisting()
            let t = Terminal.standard
            if let record, let result = result.flatMap(HelpResult.init(rawValue:)) {
                let now = try CommandSupport.clock().now()
                let name = try await ws.pool.write { [campaign, note, staff] db -> String in
                    try Registrations.requireCampaign(db, campaign)
                    let id = try ResidentID(record)
                    guard let person = try People.id(db, of: id) else {
                        throw WorkflowError.invalidInput(Message(MonitoringMessages.notInLedger, ["id": id.masked]))
                    }
                    try HelpDesk.record(db, campaign: campaign, person: person, result: result, note: note, staff: staff,
                                        manager: true, now: now)
                    return Masking.name(try People.summary(db, id: person)?.name ?? "")
                }
                t.line(MonitoringMessages.recorded.text(language, ["name": name, "result": result.words.text(language)]))
                return
            }
            let lines = try await ws.pool.read { [campaign, changes, helpList, language] db in
                try MonitoringReport.lines(db, campaign: campaign, changes: changes, helpList: helpList, language: language)
            }
            for line in lines { t.line(line) }
        }
    }
}

/// What `campaign monitoring` prints.
enum MonitoringReport {
    static func lines(_ db: Database, campaign: String, changes: Bool, helpList: Bool, language: Language) throws -> [String] {
        try Registrations.requireCampaign(db, campaign)
        guard let month = try MonitoringRecords.month(db, campaign: campaign)?.month else {
            throw WorkflowError.invalidInput(Message(MonitoringMessages.noMonth, ["campaign": campaign]))
        }
        let c = try MonthComparison.make(db, campaign: campaign, month: month)
        func n(_ change: MonthlyChanges.Change) -> String { "\(c.changes[change]?.count ?? 0)" }
        var lines = [MonitoringWords.summary.text(language, [
            "month": month, "monitored": "\(c.now.count)", "working": "\(c.now.values.filter(\.working).count)",
            "outside": "\(c.now.values.filter(\.outsideCounty).count)", "province": "\(c.now.values.filter(\.outOfProvince).count)",
            "away": "\(c.awayThreeMonths.count)", "wanting": "\(c.now.values.filter(\.needsHelp).count)",
            "previous": c.previous ?? MonitoringWords.noPrevious.text(language),
            "unemployed": n(.newlyUnemployed), "returned": n(.returnedHome), "newlyOut": n(.newlyOutOfProvince),
            "newlyMonitored": n(.newlyMonitored)])]
        if changes {
            var table = TextTable(headers: MonitoringWords.changeHeaders.columns(language), numeric: [false, false, false, false, false])
            let people = try People.summaries(db, ids: c.changes.values.flatMap { $0 })
            for change in MonthlyChanges.Change.allCases {
                for person in c.changes[change] ?? [] {
                    guard let p = people[person] else { continue }
                    table.rows.append([MonitoringWords.change(change).text(language), Masking.idNumber(p.idNumber),
                                       Masking.name(p.name), p.township, p.village])
                }
            }
            if !table.rows.isEmpty { lines.append(table.render()) }
        }
        if helpList {
            let help = try MonitoringRecords.help(db, campaign: campaign)
            let people = try People.summaries(db, ids: help.map(\.person))
            var table = TextTable(headers: MonitoringWords.helpHeaders.columns(language), numeric: Array(repeating: false, count: 7))
            for h in help {
                guard let p = people[h.person] else { continue }
                table.rows.append([Masking.idNumber(p.idNumber), Masking.name(p.name), p.township, p.village, h.staff,
                                   h.result.words.text(language), h.note])
            }
            if !table.rows.isEmpty { lines.append(table.render()) }
        }
        return lines
    }
}
