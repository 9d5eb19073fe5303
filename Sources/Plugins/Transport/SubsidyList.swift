import Checkin
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
        var bank = ""
        var account = ""
    }

    var rule: SubsidyRule
    var entries: [Entry]
    /// The campaign's title (2026年春节后点对点包车), which heads the lists; its id when it has none.
    var title = ""
    /// The county form it is printed as (the campaign's `report_*` vars) and the day it is made.
    var form = ReportForm()
    var madeOn = ""
    /// The payment list's title, at the top of every printed page.
    var listTitle: String { "\(title) 交通补贴发放名单" }
    var qualified: [Entry] { entries.filter(\.verdict.qualifies) }
    var amount: Int { qualified.count * rule.amount }

    static func make(_ db: Database, campaign: String, rule: SubsidyRule, madeOn now: Date = Date()) throws -> SubsidyList {
        let passengers = try TransportRecords.passengers(db, campaign: campaign).filter { !$0.withdrawn }
        let people = try People.summaries(db, ids: passengers.map(\.person))
        let employment = try TransportRecords.employment(db, campaign: campaign)
        let accounts = try TransportRecords.paymentAccounts(db, campaign: campaign)
        // Boarding opened: who was never scanned on was not carried ("未上车"); never opened: unknown.
        let boardingOpened = try Scans.isClosed(db, campaign: campaign, checkpoint: BusCheckpoint.board.rawValue) != nil
        let boarded = boardingOpened ? Set(try Scans.accepted(db, campaign: campaign, checkpoint: BusCheckpoint.board.rawValue).keys)
            : []
        let entries = passengers.compactMap { p -> Entry? in
            guard let person = people[p.person] else { return nil }
            return Entry(person: person, passenger: p, employment: employment[p.person],
                         verdict: rule.verdict(province: p.province, employment: employment[p.person],
                                               boarded: boardingOpened ? boarded.contains(p.person) : nil),
                         bank: accounts[p.person]?.bank ?? "", account: accounts[p.person]?.account ?? "")
        }.sorted { ($0.verdict.qualifies ? 0 : 1, $0.person.township, $0.person.village, $0.person.id)
            < ($1.verdict.qualifies ? 0 : 1, $1.person.township, $1.person.village, $1.person.id) }
        let run = try RunQueries.run(db, named: campaign)
        let title = run?.title ?? campaign
        return SubsidyList(rule: rule, entries: entries, title: title.isEmpty ? campaign : title,
                           form: ReportForm(vars: run?.vars ?? [:]),
                           madeOn: SheetDate.day(of: now, in: run?.timeZone ?? .current))
    }

    /// An account number as a list shows it: whole on a manager's unmasked copy, else its first and
    /// last four characters.
    static func account(_ text: String, _ unmasked: Bool) -> String {
        unmasked || text.count <= 8 ? text : String(text.prefix(4)) + String(repeating: "*", count: text.count - 8) + String(text.suffix(4))
    }

    /// The payment list (A4, to be signed on receipt) and the list of who falls short, with the reason.
    func workbook(unmasked: Bool) -> TableWorkbook {
        let headers = ["序号", "姓名", "身份证号", "手机号", "乡镇", "村", "务工企业", "务工省份", "入职日期", "离职日期", "在岗时长/原因",
                       "开户银行", "账号/社保卡号", "补贴金额（元）", "领取人签字"]
        func row(_ n: Int, _ e: Entry, amount: Int?) -> [TableWorkbook.Cell] {
            [.number(Double(n)), .text(Manifests.name(e.person.name, unmasked)),
             .text(Manifests.idNumber(e.person.idNumber, unmasked)), .text(Manifests.phone(e.person.phone ?? "", unmasked)),
             .text(e.person.township), .text(e.person.village), .text(e.passenger.destination), .text(e.passenger.province),
             .text(e.employment?.startedOn ?? ""), .text(e.employment?.leftOn ?? ""), .text(e.verdict.words.text(.zh)),
             .text(e.bank), .text(Self.account(e.account, unmasked)), amount.map { .number(Double($0)) } ?? .text(""), .text("")]
        }
        let ruleText = (rule.outOfProvinceOnly ? "条件：跨省务工（\(rule.homeProvince) 以外）" : "条件：")
            + "在岗满 \(rule.months) 个月；每人 \(rule.amount) 元。"
        let short = entries.filter { !$0.verdict.qualifies }
        return TableWorkbook(sheets: [
            .init(name: "补贴名单", title: listTitle,
                  headers: headers, rows: qualified.enumerated().map { row($0 + 1, $1, amount: rule.amount) },
                  notes: ["合计：\(qualified.count) 人，\(amount) 元。", ruleText, unmasked ? "含完整个人信息，仅限发放使用。" : "个人信息已脱敏。"]),
            .init(name: "未达条件", title: "\(title) 未达补贴条件人员",
                  headers: Array(headers.prefix(11)), rows: short.enumerated().map { Array(row($0 + 1, $1, amount: nil).prefix(11)) },
                  notes: ["共 \(short.count) 人。", ruleText]),
        ], form: form, lang: .zh, madeOn: madeOn)
    }
}
