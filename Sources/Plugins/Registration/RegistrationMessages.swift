import Ledger
import Workflow

/// What the registration desk tells the clerk, in Chinese and English (the message catalogue).
public struct RegistrationMessages: MessageCatalogue {
    public static let shared = RegistrationMessages()

    public let registered = MessageText(
        "registration.registered", zh: "已报名 {campaign}", en: "registered for {campaign}")
    public let alreadyRegistered = MessageText(
        "registration.already-registered", zh: "此前已报名 {campaign}", en: "was already registered for {campaign}")
    public let badgeCode = MessageText("registration.badge-code", zh: "参会证码：{code}", en: "badge code: {code}")
    public let checkedInAtDesk = MessageText(
        "registration.desk-checked-in", zh: "已在服务台同时签到{checkpoint}：计为到场",
        en: "checked in at {checkpoint} too (at the desk): counts as attended")
    public let checkedIn = MessageText("registration.checked-in", zh: "已签到", en: "checked in")
    public let registeredOnlyBecause = MessageText(
        "registration.registered-only-because", zh: "只报名、未签到：", en: "registered only, not checked in: ")
    public let registeredOnly = MessageText("registration.registered-only", zh: "只报名", en: "registered only")
    public let noCheckIn = MessageText(
        "registration.no-check-in", zh: "只报名（--no-check-in）：在入口扫码后才计为到场",
        en: "registered only (--no-check-in): not counted as attended until scanned at the gate")
    public let withheld = MessageText(
        "registration.withheld", zh: "此人已在台账中；所填{fields}与台账不同，未作修改（修改需管理员）",
        en: "already in the ledger; the {fields} typed differ from it and were not changed (a manager may change them)")
    public let changedFields = MessageText(
        "registration.changed", zh: "已修改台账中的{fields}（已记入审计日志）", en: "changed the ledger's {fields} (recorded in the audit log)")
    public let fieldName = MessageText("registration.field-name", zh: "姓名", en: "name")
    public let fieldPhone = MessageText("registration.field-phone", zh: "手机号", en: "phone")
    public let fieldTownship = MessageText("registration.field-township", zh: "乡镇", en: "township")
    public let fieldVillage = MessageText("registration.field-village", zh: "村", en: "village")
    public let fieldGroups = MessageText("registration.field-groups", zh: "人员类别", en: "target groups")
    public let notCheckedInRefusal = MessageText(
        "registration.not-checked-in", zh: "未签到：", en: "not checked in: ")

    public let postingsCount = MessageText(
        "registration.postings-count", zh: "{campaign} 共 {count} 个岗位，招聘 {positions} 人", en: "{count} postings, {positions} positions at {campaign}")
    public let postingsMatching = MessageText(
        "registration.postings-matching", zh: "（含“{search}”的，共 {all} 个中）", en: " matching '{search}' (of {all})")
    public let writtenTo = MessageText("registration.written-to", zh: "；已写入 {file}", en: "; written to {file}")

    public let leaveOutCheckIn = MessageText("registration.leave-out-check-in", zh: "去掉 --check-in，可以只登记不签到",
                                             en: "leave out --check-in to register them without checking in")

    /// The fields of a person (`name`, `phone`…), worded and joined: 姓名、乡镇 / name, township.
    public static func fields(_ keys: [String], _ language: Language) -> String {
        let words = ["name": fieldName, "phone": fieldPhone, "township": fieldTownship, "village": fieldVillage,
                     "groups": fieldGroups]
        return keys.map { words[$0].map { $0.template(language) } ?? $0 }.joined(separator: Punctuation.listComma.text(language))
    }

    /// What a registration did to the ledger of someone already in it, or nil when it filled only blanks.
    public static func ledgerNote(_ result: WalkInResult, _ language: Language) -> String? {
        if !result.withheld.isEmpty { return withheld(["fields": fields(result.withheld, language)]).text(language) }
        if !result.changed.isEmpty { return changedFields(["fields": fields(result.changed, language)]).text(language) }
        return nil
    }
}
