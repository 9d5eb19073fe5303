import Workflow

/// The words of `campaign monitoring` and of the help results.
public struct MonitoringWords: MessageCatalogue {
    public static let shared = MonitoringWords()

    public let resultOpen = MessageText("monitoring.result.open", zh: "待帮扶", en: "to help")
    public let resultContacted = MessageText("monitoring.result.contacted", zh: "已联系", en: "contacted")
    public let resultPlaced = MessageText("monitoring.result.placed", zh: "已就业", en: "placed")
    public let resultPublicJob = MessageText("monitoring.result.public-job", zh: "公益性岗位安置", en: "public-welfare job")
    public let resultTrained = MessageText("monitoring.result.trained", zh: "参加培训", en: "in training")
    public let resultDeclined = MessageText("monitoring.result.declined", zh: "暂无意愿", en: "declined")
    public let resultUnreachable = MessageText("monitoring.result.unreachable", zh: "联系不上", en: "unreachable")

    public let summary = MessageText(
        "monitoring.summary",
        zh: "{month} 监测 {monitored} 人：务工 {working}（县外 {outside}，省外 {province}，省外满3个月 {away}）；有就业意愿未就业 {wanting}。"
            + "与 {previous} 相比：新增未就业 {unemployed}，返乡 {returned}，新增省外务工 {newlyOut}，新纳入监测 {newlyMonitored}",
        en: "{month}: {monitored} monitored, {working} working ({outside} outside the county, {province} out of province, {away} "
            + "of them 3+ months); {wanting} want work without it. Against {previous}: {unemployed} newly unemployed, {returned} "
            + "returned home, {newlyOut} newly out of province, {newlyMonitored} newly monitored")
    public let noPrevious = MessageText("monitoring.no-previous", zh: "（无上月数据）", en: "(no month before)")
    public let helpHeaders = MessageText("monitoring.help-headers", zh: "身份证号|姓名|乡镇|村|帮扶人|结果|备注",
                                         en: "ID number|Name|Township|Village|Helper|Result|Note")
    public let changeHeaders = MessageText("monitoring.change-headers", zh: "变化|身份证号|姓名|乡镇|村",
                                           en: "Change|ID number|Name|Township|Village")
    public let newlyUnemployed = MessageText("monitoring.change.newly-unemployed", zh: "新增未就业", en: "newly unemployed")
    public let returnedHome = MessageText("monitoring.change.returned-home", zh: "返乡", en: "returned home")
    public let newlyOutOfProvince = MessageText("monitoring.change.newly-out-of-province", zh: "新增省外务工", en: "newly out of province")
    public let newlyMonitored = MessageText("monitoring.change.newly-monitored", zh: "新纳入监测", en: "newly monitored")

    static func change(_ change: MonthlyChanges.Change) -> MessageText {
        switch change {
        case .newlyUnemployed: MonitoringWords.newlyUnemployed
        case .returnedHome: MonitoringWords.returnedHome
        case .newlyOutOfProvince: MonitoringWords.newlyOutOfProvince
        case .newlyMonitored: MonitoringWords.newlyMonitored
        }
    }
}
