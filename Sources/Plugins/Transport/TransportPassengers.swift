import GRDB
import Workflow

/// What other plugins may ask of a bus campaign's passengers and set on them: scheduling groups their
/// wished travel days into departures (`transport.departures`) and gives each their day.
public enum TransportPassengers {
    public struct Wish: Sendable, Equatable {
        public var person: Int64
        public var destination: String
        /// The day the passenger list says.
        public var wished: String
        /// The day they travel now.
        public var departs: String
    }

    /// The passengers not withdrawn, with their wished and planned days.
    public static func wishes(_ db: Database, campaign: String) throws -> [Wish] {
        try Row.fetchAll(db, sql: """
            SELECT person_id, destination, wished_on, departs_on FROM transport_passenger
            WHERE campaign = ? AND NOT withdrawn ORDER BY person_id
            """, arguments: [campaign]).map {
            Wish(person: $0["person_id"], destination: $0["destination"], wished: $0["wished_on"], departs: $0["departs_on"])
        }
    }

    /// Gives passengers their travel days; returns how many changed.
    @discardableResult
    public static func setDepartures(_ db: Database, _ days: [Int64: String], campaign: String) throws -> Int {
        let update = try db.makeStatement(sql: """
            UPDATE transport_passenger SET departs_on = ? WHERE campaign = ? AND person_id = ? AND departs_on <> ?
            """)
        var changed = 0
        for (person, day) in days {
            try update.execute(arguments: [day, campaign, person, day])
            changed += db.changesCount
        }
        return changed
    }

    /// The most passengers one of the campaign's vehicles carries (seats minus crew), nil with no vehicles.
    public static func largestCapacity(_ db: Database, campaign: String) throws -> Int? {
        try TransportRecords.vehicles(db, campaign: campaign).filter { !$0.retired }.map(\.capacity).max()
    }
}
