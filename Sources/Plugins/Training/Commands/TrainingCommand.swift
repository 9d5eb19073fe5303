import ArgumentParser
import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

/// `campaign training --campaign C`: each class of a training campaign with its figures, from
/// enrolment to employment after training.
struct TrainingCommand: AsyncParsableCommand, ChoosesLanguage {
    static let configuration = CommandConfiguration(
        commandName: "training",
        abstract: CommandHelp.text(
            zh: "培训活动的各个班级：入班、到课、结业、取证、补贴、培训后就业。",
            en: "A training campaign's classes: enrolled, attended, completed, certified, subsidised, employed after training."),
        discussion: CommandHelp.text(zh: """
            每个班级一行。结业规则：到课数不少于课次的 completion（默认 0.8，向上取整）。按工种、基地、乡镇或人员类别的统计用
            campaign tally C --by trade,base,township,group。
            """, en: """
            One line per class. Completion: attending at least `completion` of the sessions (0.8 by default, rounded
            up). Figures by trade, base, township or group: campaign tally C --by trade,base,township,group.
            """))

    @Option(help: ArgumentHelp(CommandHelp.text(zh: "培训活动。", en: "The training campaign."))) var campaign: String
    @OptionGroup var languageOptions: LanguageOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors(language: language) {
            let ws = try workspace.openExisting()
            let lines = try await ws.pool.read { [campaign, language] db -> [String] in
                try Registrations.requireCampaign(db, campaign)
                let classes = try TrainingRecords.classes(db, campaign: campaign)
                if classes.isEmpty { return [TrainingWords.noClasses.text(language, ["campaign": campaign])] }
                let employed = try TrainingRecords.employed(db, campaign: campaign)
                let subsidised = try TrainingRecords.subsidised(db, campaign: campaign)
                return try classes.map { c in
                    let statuses = try TrainingRecords.enrolment(db, campaign: campaign, class: c.id)
                    let enrolled = Set(statuses.filter { $0.value == "enrolled" }.keys)
                    let attendance = try TrainingRecords.attendance(db, campaign: campaign, class: c.id)
                    let results = try TrainingRecords.results(db, campaign: campaign, class: c.id)
                    let completed = enrolled.filter { (attendance[$0] ?? 0) >= c.requiredSessions }
                    let certified = completed.filter { results[$0].map { $0.passed && !$0.certificate.isEmpty } ?? false }
                    return TrainingWords.classLine.text(language, [
                        "class": c.id, "trade": c.trade, "base": c.base, "mode": c.mode.isEmpty ? "" : Punctuation.comma.text(language) + c.mode,
                        "sessions": "\(c.sessions)", "required": "\(c.requiredSessions)", "enrolled": "\(enrolled.count)",
                        "capacity": "\(c.capacity)", "waiting": "\(statuses.values.filter { $0 == "waiting" }.count)",
                        "attended": "\(enrolled.filter { (attendance[$0] ?? 0) > 0 }.count)", "completed": "\(completed.count)",
                        "certified": "\(certified.count)", "subsidised": "\(enrolled.intersection(subsidised).count)",
                        "employed": "\(enrolled.intersection(employed).count)"])
                }
            }
            for line in lines { Terminal.standard.line(line) }
        }
    }
}
