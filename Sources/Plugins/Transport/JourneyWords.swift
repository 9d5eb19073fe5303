import Workflow

/// The words of a bus season's journey — the four checkpoints, what went wrong on the way, why a
/// passenger moved or a village rode on two buses, why the subsidy is paid or not — in Chinese and
/// English. The types that carry these facts (`BusCheckpoint`, `SubsidyRule.Verdict`…) word
/// themselves with these entries.
public struct JourneyWords: MessageCatalogue {
    public static let shared = JourneyWords()

    public let leftHome = MessageText("journey.leave-home", zh: "出家门", en: "left home")
    public let boarded = MessageText("journey.board", zh: "上车门", en: "boarded")
    public let alighted = MessageText("journey.alight", zh: "下车门", en: "alighted")
    public let enteredFactory = MessageText("journey.enter-factory", zh: "进厂门", en: "entered the factory")

    public let skipped = MessageText("journey.skipped", zh: "未经{missing}就{passed}", en: "{passed} without {missing}")
    public let otherBus = MessageText("journey.other-bus", zh: "上错车：{plate}", en: "boarded another bus: {plate}")

    public let newPassenger = MessageText("journey.moved-new", zh: "新加入", en: "new passenger")
    public let tripChanged = MessageText("journey.moved-trip-changed", zh: "出发日期或目的地有变",
                                         en: "departure day or destination changed")
    public let vehicleChanged = MessageText("journey.moved-vehicle-changed", zh: "车辆停用或座位减少",
                                            en: "vehicle retired or fewer seats")
    public let withdrawn = MessageText("journey.moved-withdrawn", zh: "不再乘车", en: "withdrawn")

    public let largerThanBus = MessageText("journey.split-larger-than-bus", zh: "{people} 人多于一辆车的 {capacity} 个座位",
                                           en: "its {people} people are more than one bus carries ({capacity})")
    public let wouldTakeAnotherBus = MessageText("journey.split-another-bus", zh: "同车需要多派一辆车",
                                                 en: "keeping them on one bus would take one more bus")
    public let keptSeats = MessageText("journey.split-kept-seats", zh: "部分人保留了上次名单的座位，新加入的人坐不下",
                                       en: "some kept their seats from the last roster; those added did not fit beside them")

    /// How long someone stayed: 2个月10天, 2 months 10 days (English counts one month and one day apart).
    public let monthsDays = MessageText("journey.months-days", zh: "{months}个月{days}天", en: "{months} months {days} days")
    public let monthDays = MessageText("journey.month-days", zh: "{months}个月{days}天", en: "{months} month {days} days")
    public let monthsDay = MessageText("journey.months-day", zh: "{months}个月{days}天", en: "{months} months {days} day")
    public let monthDay = MessageText("journey.month-day", zh: "{months}个月{days}天", en: "{months} month {days} day")
    public let qualifies = MessageText("journey.qualifies", zh: "在岗{span}，符合条件", en: "stayed {span}: qualifies")
    public let noRecord = MessageText("journey.no-record", zh: "无回访就业记录", en: "no follow-up employment record")
    public let notBoarded = MessageText("journey.not-boarded", zh: "未上车", en: "never boarded")
    public let provinceUnknown = MessageText("journey.province-unknown", zh: "目的地省份未知，请在人员名单中补填目的地省份",
                                             en: "the destination's province is unknown: add 目的地省份 to the list")
    public let inProvince = MessageText("journey.in-province", zh: "省内务工（{province}），不享受跨省交通补贴",
                                        en: "works in the home province ({province}): not out-of-province")
    public let leftEarly = MessageText("journey.left-early", zh: "在岗{span}后离职", en: "left after {span}")
    public let notYet = MessageText("journey.not-yet", zh: "截至{on}回访在岗{span}，未满期", en: "employed {span} when asked on {on}: not yet")
}
