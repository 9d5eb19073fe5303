import Workflow

/// What the registration desk tells the clerk, in Chinese and English (the message catalogue).
public enum RegistrationMessages {
    public static let registered = MessageText(
        "registration.registered", zh: "已报名 {campaign}", en: "registered for {campaign}")
    public static let alreadyRegistered = MessageText(
        "registration.already-registered", zh: "此前已报名 {campaign}", en: "was already registered for {campaign}")
    public static let badgeCode = MessageText("registration.badge-code", zh: "参会证码：{code}", en: "badge code: {code}")
    public static let checkedInAtDesk = MessageText(
        "registration.desk-checked-in", zh: "已在服务台同时签到{checkpoint}：计为到场",
        en: "checked in at {checkpoint} too (at the desk): counts as attended")
    public static let checkedIn = MessageText("registration.checked-in", zh: "已签到", en: "checked in")
    public static let registeredOnlyBecause = MessageText(
        "registration.registered-only-because", zh: "只报名、未签到：", en: "registered only, not checked in: ")
    public static let registeredOnly = MessageText("registration.registered-only", zh: "只报名", en: "registered only")
    public static let noCheckIn = MessageText(
        "registration.no-check-in", zh: "只报名（--no-check-in）：在入口扫码后才计为到场",
        en: "registered only (--no-check-in): not counted as attended until scanned at the gate")
    public static let notCheckedInRefusal = MessageText(
        "registration.not-checked-in", zh: "未签到：", en: "not checked in: ")

    public static let postingsCount = MessageText(
        "registration.postings-count", zh: "{campaign} 共 {count} 个岗位，招聘 {positions} 人", en: "{count} postings, {positions} positions at {campaign}")
    public static let postingsMatching = MessageText(
        "registration.postings-matching", zh: "（含“{search}”的，共 {all} 个中）", en: " matching '{search}' (of {all})")
    public static let writtenTo = MessageText("registration.written-to", zh: "；已写入 {file}", en: "; written to {file}")

    public static let leaveOutCheckIn = MessageText("registration.leave-out-check-in", zh: "去掉 --check-in，可以只登记不签到",
                                                    en: "leave out --check-in to register them without checking in")

    public static let all = [leaveOutCheckIn, postingsCount, postingsMatching, writtenTo, registered, alreadyRegistered, badgeCode, checkedInAtDesk, checkedIn, registeredOnlyBecause,
                             registeredOnly, noCheckIn, notCheckedInRefusal]
}
