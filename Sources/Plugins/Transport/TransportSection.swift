import Checkin
import GRDB
import Ledger
import PluginKit
import Workflow

/// What transport adds to tallies of bus campaigns (and only theirs): passengers seated, how far each
/// got — boarded, arrived, entered the factory — and who qualified for the subsidy, broken down by
/// township, village and target group like every people measure; buses, batches, anomalies and the
/// subsidy's yuan per campaign. A person counts at the furthest checkpoint scanned: one scanned into
/// the factory but never off the bus counts as arrived too (and as an anomaly).
struct TransportSection: TallySection {
    static let passengers = TallyMeasure("passengers", zh: "乘车人员", en: "bus passengers", scope: .people(threshold: 1),
                                         highlight: true, doc: "Passengers given a seat on the roster.")
    static let boarded = TallyMeasure("boarded", zh: "上车人数", en: "boarded", scope: .people(threshold: 2),
                                      ratesOf: ["passengers"], doc: "Passengers scanned onto a bus (or further).")
    static let arrived = TallyMeasure("arrived", zh: "到达人数", en: "arrived", scope: .people(threshold: 3),
                                      ratesOf: ["boarded"], doc: "Passengers scanned off the bus at the destination (or further).")
    static let entered = TallyMeasure("entered_factory", zh: "进厂人数", en: "entered the factory", scope: .people(threshold: 4),
                                      ratesOf: ["arrived"], highlight: true, doc: "Workers scanned into the factory.")
    static let subsidized = TallyMeasure("subsidy_qualified", zh: "补贴人数", en: "subsidy qualified",
                                         scope: .people(threshold: 5), ratesOf: ["entered_factory"],
                                         doc: "Workers the transport.subsidy step found qualified.")
    static let buses = TallyMeasure("buses", zh: "车辆趟次", en: "bus trips", scope: .campaign, highlight: true,
                                    doc: "Buses on the roster (a vehicle's trip on one day).")
    static let batches = TallyMeasure("batches", zh: "发车批次", en: "batches", scope: .campaign,
                                      doc: "Departure days and destinations (第N批).")
    static let anomalies = TallyMeasure("checkpoint_anomalies", zh: "签到异常", en: "checkpoint anomalies", scope: .campaign,
                                        doc: "Checkpoints skipped and wrong buses boarded.")
    static let subsidyYuan = TallyMeasure("subsidy_yuan", zh: "补贴金额（元）", en: "subsidy (yuan)", scope: .campaign,
                                          doc: "Yuan of transport subsidy for the qualified workers.")

    let measures = [Self.buses, Self.batches, Self.passengers, Self.boarded, Self.arrived, Self.entered, Self.subsidized,
                    Self.anomalies, Self.subsidyYuan]

    let campaignKinds: Set<CampaignKind>? = [.busTransport]

    /// Each passenger travels to one enterprise, so the rows add up to 合计.
    let groupings = [TallyGrouping("destination", zh: "目的地企业", en: "destination")]

    /// Each passenger by the enterprise they travel to — a withdrawn one by where they were going, so
    /// they stay in its 登记 column (and out of its 乘车人员).
    func groups(_ db: Database, _ grouping: String, campaign: String) throws -> [Int64: [String]] {
        guard grouping == "destination" else { return [:] }
        var groups: [Int64: [String]] = [:]
        for passenger in try TransportRecords.passengers(db, campaign: campaign)
        where !passenger.withdrawn || groups[passenger.person] == nil {
            groups[passenger.person] = [passenger.destination]
        }
        return groups
    }

    func applies(_ db: Database, to campaigns: [String]) throws -> Bool {
        try campaigns.contains { try TransportRecords.hasPassengers(db, campaign: $0) }
    }

    func campaignValues(_ db: Database, campaign: String) throws -> [String: Int] {
        let status = try BusStatus.read(db, campaign: campaign)
        return [
            Self.buses.key: status.buses.count,
            Self.batches.key: Set(status.buses.map(\.bus.batch)).count,
            Self.anomalies.key: status.buses.reduce(0) { $0 + $1.anomalies },
            Self.subsidyYuan.key: try TransportRecords.subsidy(db, campaign: campaign).values.reduce(0, +),
        ]
    }

    func personLevels(_ db: Database, campaign: String) throws -> [PersonLevel] {
        var level: [Int64: Int] = [:]
        for person in try TransportRecords.seats(db, campaign: campaign).keys { level[person] = 1 }
        for (checkpoint, stage) in [(BusCheckpoint.board, 2), (.alight, 3), (.enterFactory, 4)] {
            for person in try Scans.accepted(db, campaign: campaign, checkpoint: checkpoint.rawValue).keys
            where level[person] != nil {
                level[person] = max(level[person]!, stage)
            }
        }
        for person in try TransportRecords.subsidy(db, campaign: campaign).keys where level[person] != nil {
            level[person] = 5
        }
        return level.sorted { $0.key < $1.key }.map { PersonLevel(person: $0.key, level: $0.value) }
    }
}
