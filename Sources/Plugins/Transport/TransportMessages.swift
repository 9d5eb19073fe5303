import Ledger
import Workflow

/// What the bus plugin says about the lists it reads and the plates it is asked about, in Chinese
/// and English (the message catalogue).
public struct TransportMessages: MessageCatalogue {
    public static let shared = TransportMessages()

    public let notAPlate = MessageText("transport.not-a-plate", zh: "“{value}”不是车牌号（例如 贵A·12345）",
                                       en: "'{value}' is not a vehicle plate such as 贵A·12345")
    public let notSeats = MessageText("transport.not-seats", zh: "“{value}”不是 5 到 80 之间的座位数",
                                      en: "'{value}' is not a number of seats from 5 to 80")
    public let notCrew = MessageText("transport.not-crew", zh: "“{value}”不是 1（司机）到 {most} 之间的随车人数",
                                     en: "'{value}' is not a crew from 1 (the driver) to {most}")
    public let notMobile = MessageText("transport.not-mobile", zh: "{value} 不是 11 位手机号",
                                       en: "{value} is not a mobile number of 11 digits")
    public let pickupField = MessageText("transport.field.pickup", zh: "上车点", en: "the pick-up point")
    public let destinationField = MessageText("transport.field.destination", zh: "目的地", en: "the destination")
    public let departureField = MessageText("transport.field.departure", zh: "出发日期", en: "the departure date")
    public let leftBeforeStarting = MessageText(
        "transport.left-before-starting", zh: "离职日期 {left} 早于入职日期 {started}", en: "left on {left}, before starting on {started}")
    public let leftWithoutDate = MessageText(
        "transport.left-without-date", zh: "是否在岗写的是“{employed}”，却没有离职日期：补贴需要离职的日期",
        en: "says 是否在岗 {employed} but gives no 离职日期: the subsidy needs the day they left")
    public let employedWithLeaveDate = MessageText(
        "transport.employed-with-leave-date", zh: "写的是“在岗”，却有离职日期（{left}）；请改正其中一个",
        en: "says 在岗 but gives a 离职日期 ({left}); correct one of them")
    public let notTripDays = MessageText("transport.not-trip-days", zh: "往返天数应是 1 到 60 的整数，不是“{value}”",
                                         en: "the days a trip keeps a coach away are a whole number from 1 to 60, not '{value}'")
    public let notDays = MessageText("transport.not-days", zh: "“{value}”不是日期或日期段（如 2026-02-20、2026-02-20~2026-02-22，多段用“、”隔开）",
                                     en: "'{value}' is not a day or a span of days (e.g. 2026-02-20, 2026-02-20~2026-02-22; several separated by commas)")
    public let notAPassenger = MessageText("transport.not-a-passenger", zh: "{person} 不是 {campaign} 的乘客",
                                           en: "{person} is not a passenger of {campaign}")
    public let nobodyOnPlate = MessageText("transport.nobody-on-plate", zh: "{plate} 在 {campaign} 的乘车名单上没有乘客",
                                           en: "{plate} carries nobody on {campaign}'s roster")
    public let onDay = MessageText("transport.on-day", zh: "（{day} 出发）", en: " on {day}")
}

/// What the bus steps note or fail with in the run's history, in Chinese and English.
public struct TransportStepMessages: MessageCatalogue {
    public static let shared = TransportStepMessages()

    public let departPrompt = MessageText("transport.depart-prompt", zh: "{day} → {destination}：带队人确认车辆已发车",
                                          en: "{day} → {destination}: the escort confirms the buses left")
    public let departCommand = MessageText("transport.depart-command", zh: "——发车后运行：{command}", en: " — when they have left: {command}")
    public let notAnAccount = MessageText("transport.not-an-account", zh: "“{value}”不是银行账号或社保卡号（数字和字母，最多 30 位）",
                                          en: "'{value}' is not a bank account or social security card number (digits and letters, 30 at most)")
    public let tripDaysRange = MessageText("transport.trip-days-range", zh: "trip_days 中“{place}”的天数应是 1 到 60 的整数，不是 {value}",
                                           en: "trip_days for '{place}' is a whole number of days from 1 to 60, not {value}")

    public let noSuchFair = MessageText(
        "transport.no-such-fair", zh: "这个工作区没有活动“{from}”：from 应写就业人员要乘车去的那场招聘会",
        en: "no campaign '{from}' in this workspace: 'from' names the job fair whose placed workers travel")
    public let noProvince = MessageText(
        "transport.no-province",
        zh: "{count} 名乘客的目的地没有省份：请用 provinces:（城市 → 省份）或在乘客名单中（目的地省份）补上；补贴需要它",
        en: "{count} passengers' destination names no province: add it with `provinces:` (city → province) or in the "
            + "passenger list (目的地省份); the subsidy needs it")
    public let noPassengers = MessageText(
        "transport.no-passengers",
        zh: "{campaign} 还没有乘客：请先导入（transport.import-passengers，或 campaign import passengers 文件 --campaign {campaign}）",
        en: "{campaign} has no passengers yet: import them first (transport.import-passengers, or campaign import passengers "
            + "FILE --campaign {campaign})")
    public let rideSplit = MessageText(
        "transport.ride-split", zh: "{day} {destination}：{pickup} {village} 分乘 {buses} 辆车——{reason}",
        en: "{day} {destination}: {pickup} {village} rides on {buses} buses — {reason}")
}
