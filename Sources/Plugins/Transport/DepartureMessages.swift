import Workflow

/// What `transport.departures` notes or fails with in the run's history, in Chinese and English.
public struct DepartureMessages: MessageCatalogue {
    public static let shared = DepartureMessages()

    public let beforeFirstDay = MessageText(
        "transport.before-first-day",
        zh: "{count} 名乘客希望在第一个出发日之前出发；保留他们自己的日期（请增加出发日，或更正他们的出发日期）",
        en: "{count} passengers wish to leave before the first departure day; they keep their own day (add a departure day, "
            + "or correct their 出发日期)")
    public let noVehicles = MessageText(
        "transport.no-vehicles", zh: "{campaign} 还没有车辆，无法确定每辆车能坐多少人：请先导入车辆，或给出 capacity",
        en: "{campaign} has no vehicles to tell a bus's size: import them first, or give 'capacity'")
}
