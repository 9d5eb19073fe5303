import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

/// The training subsidy worked out for every trainee enrolled in a class (`TrainingRules.verdict`):
/// kept in the workspace, so the next class of the same trade sees who was paid within the year, and
/// written as a workbook for payment — who qualifies with the amount, who does not and why.
struct TrainingSubsidy: Sendable {
    struct Entry: Sendable {
        var person: PersonSummary
        var trainingClass: TrainingClass
        var attended: Int
        var certificate: String
        var verdict: TrainingRules.Verdict
    }

    var entries: [Entry]
    var amount: Int
    var qualified: [Entry] { entries.filter(\.verdict.qualifies) }

    static func decide(_ db: Database, campaign: String, classes: [TrainingClass], groups: TargetGroupSet, amount: Int,
                       today: String) throws -> TrainingSubsidy {
        var entries: [Entry] = []
        for trainingClass in classes {
            let enrolled = try TrainingRecords.enrolled(db, campaign: campaign, class: trainingClass.id)
            let people = try People.summaries(db, ids: enrolled)
            let attendance = try TrainingRecords.attendance(db, campaign: campaign, class: trainingClass.id)
            let results = try TrainingRecords.results(db, campaign: campaign, class: trainingClass.id)
            let earlier = try TrainingRecords.lastSubsidies(db, trade: trainingClass.trade, except: campaign, class: trainingClass.id)
            for id in enrolled {
                guard let person = people[id] else { continue }
                let trainee = TrainingRules.Trainee(attended: attendance[id] ?? 0, passed: results[id]?.passed ?? false,
                                                    certificate: results[id]?.certificate ?? "",
                                                    inGroups: !person.groups.intersection(groups).isEmpty,
                                                    lastSubsidyForTrade: earlier[id])
                entries.append(Entry(person: person, trainingClass: trainingClass, attended: trainee.attended,
                                     certificate: trainee.certificate,
                                     verdict: TrainingRules.verdict(trainee, of: trainingClass, today: today)))
            }
            try db.execute(sql: "DELETE FROM training_subsidy WHERE campaign = ? AND class = ?", arguments: [campaign, trainingClass.id])
        }
        let write = try db.cachedStatement(sql: """
            INSERT INTO training_subsidy (campaign, class, person_id, trade, eligible, reason, amount, decided_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for e in entries {
            try write.execute(arguments: [campaign, e.trainingClass.id, e.person.id, e.trainingClass.trade, e.verdict.qualifies,
                                          e.verdict.rawValue, e.verdict.qualifies ? amount : 0, today])
        }
        entries.sort { ($0.verdict.qualifies ? 0 : 1, $0.person.township, $0.person.village, $0.person.id)
            < ($1.verdict.qualifies ? 0 : 1, $1.person.township, $1.person.village, $1.person.id) }
        return TrainingSubsidy(entries: entries, amount: amount)
    }

    /// The payment workbook, personal data masked (an unmasked copy is a manager's recorded export).
    func workbook(title: String, language: Language) -> TableWorkbook {
        let headers = TrainingWords.subsidyHeaders.map { $0.text(language) }
        func row(_ n: Int, _ e: Entry, paid: Bool) -> [TableWorkbook.Cell] {
            [.number(Double(n)), .text(Masking.name(e.person.name)), .text(Masking.idNumber(e.person.idNumber)),
             .text(e.person.township), .text(e.person.village), .text(e.person.groups.members.map { $0.words.text(language) }.joined(separator: "、")),
             .text(e.trainingClass.trade), .number(Double(e.attended)), .text(e.certificate),
             .text(TrainingWords.verdict(e.verdict).text(language)), paid ? .number(Double(amount)) : .text("")]
        }
        let short = entries.filter { !$0.verdict.qualifies }
        return TableWorkbook(sheets: [
            .init(name: TrainingWords.subsidySheet.text(language), title: title + TrainingWords.subsidyTitle.text(language),
                  headers: headers, rows: qualified.enumerated().map { row($0 + 1, $1, paid: true) },
                  notes: [Message(TrainingWords.subsidyTotal, ["people": "\(qualified.count)",
                                                               "yuan": "\(qualified.count * amount)"]).text(language),
                          TrainingWords.masked.text(language)]),
            .init(name: TrainingWords.shortSheet.text(language), title: title + TrainingWords.shortTitle.text(language),
                  headers: Array(headers.dropLast()), rows: short.enumerated().map { Array(row($0 + 1, $1, paid: false).dropLast()) },
                  notes: [Message(TrainingWords.shortTotal, ["people": "\(short.count)"]).text(language)]),
        ])
    }
}
