import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

/// The transport subsidy worked out for every passenger of a bus campaign: who qualifies and the
/// amount, and who falls short with the reason — as a workbook for payment (masked unless a
/// manager exports it unmasked, recorded) and as a table.
struct SubsidyList: Sendable {
    struct Entry: Sendable {
        var person: PersonSummary
        var passenger: PassengerRecord
        var employment: SubsidyRule.Employment?
        var verdict: SubsidyRule.Verdict
    }

    var rule: SubsidyRule
    var entries: [Entry]
    var qualified: [Entry] { entries.filter(\.verdict.qualifies) }
    var amount: Int { qualified.count * rule.amount }

    static func make(_ db: Database, campaign: String, rule: SubsidyRule) throws -> SubsidyList {
        let passengers = try TransportRecords.passengers(db, campaign: campaign).filter { !$0.withdrawn }
        let people = try People.summaries(db, ids: passengers.map(\.person))
        let employment = try TransportRecords.employment(db, campaign: campaign)
        let entries = passengers.compactMap { p -> Entry? in
            guard let person = people[p.person] else { return nil }
            return Entry(person: person, passenger: p, employment: employment[p.person],
                         verdict: rule.verdict(province: p.province, employment: employment[p.person]))
        }.sorted { ($0.verdict.qualifies ? 0 : 1, $0.person.township, $0.person.village, $0.person.id)
            < ($1.verdict.qualifies ? 0 : 1, $1.person.township, $1.person.village, $1.person.id) }
        return SubsidyList(rule: rule, entries: entries)
    }

    func workbook(campaign: String, unmasked: Bool) -> TableWorkbook {
        let headers = ["序号", "姓名", "身份证号", "手机号", "乡镇", "村", "务工企业", "务工省份", "入职日期", "离职日期", "在岗时长/原因",
                       "补贴金额（元）"]
        func row(_ n: Int, _ e: Entry, amount: Int?) -> [TableWorkbook.Cell] {
            [.number(Double(n)), .text(Manifests.name(e.person.name, unmasked)),
             .text(Manifests.idNumber(e.person.idNumber, unmasked)), .text(Manifests.phone(e.person.phone ?? "", unmasked)),
             .text(e.person.township), .text(e.person.village), .text(e.passenger.destination), .text(e.passenger.province),
             .text(e.employment?.startedOn ?? ""), .text(e.employment?.leftOn ?? ""), .text(e.verdict.words.text(.zh)),
             amount.map { .number(Double($0)) } ?? .text("")]
        }
        let ruleText = (rule.outOfProvinceOnly ? "条件：跨省务工（\(rule.homeProvince) 以外）" : "条件：")
            + "在岗满 \(rule.months) 个月；每人 \(rule.amount) 元。"
        let short = entries.filter { !$0.verdict.qualifies }
        return TableWorkbook(sheets: [
            .init(name: "补贴名单", title: "\(campaign) 交通补贴发放名单",
                  headers: headers, rows: qualified.enumerated().map { row($0 + 1, $1, amount: rule.amount) },
                  notes: ["合计：\(qualified.count) 人，\(amount) 元。", ruleText, unmasked ? "含完整个人信息，仅限发放使用。" : "个人信息已脱敏。"]),
            .init(name: "未达条件", title: "\(campaign) 未达补贴条件人员",
                  headers: Array(headers.dropLast()), rows: short.enumerated().map { Array(row($0 + 1, $1, amount: nil).dropLast()) },
                  notes: ["共 \(short.count) 人。", ruleText]),
        ])
    }
}
