import Foundation
import GRDB
import Ledger
import PluginKit
import Tally
import Workflow

/// Publishes a workspace's campaigns to the province: counts each with the tally's own code, stages
/// what changed in the outbox under a new version, delivers every campaign the province holds an
/// older version of (changed now, or staged by a publish that was cut off) in one transaction, and
/// marks them delivered. Whatever stops it part-way, the next publish converges.
public struct Publisher: Sendable {
    public let pool: DatabasePool
    public let sections: [any TallySection]
    /// The province's key (`--person-key`): with it, each person's reach goes too, under a pseudonym
    /// only that key makes, so the province counts a person once across counties (人数).
    public let personKey: Data?

    public init(pool: DatabasePool, sections: [any TallySection], personKey: Data? = nil) {
        self.pool = pool
        self.sections = sections
        self.personKey = personKey
    }

    public struct Outcome: Sendable {
        public var county: String
        public var name: String
        /// The campaigns delivered, with their version, people cells and when they were counted.
        public var delivered: [(campaign: String, version: Int64, cells: Int, asOf: Date)]
        /// Campaigns the province already held in their latest version.
        public var unchanged: Int

        /// `已向省级数据库发布 522633（从江县）：1 个活动送达，0 个未变化`.
        public var said: Message {
            ProvinceMessages.published(["county": county, "name": name, "sent": String(delivered.count), "unchanged": String(unchanged)])
        }
    }

    /// The county this workspace publishes as: the one given (checked against the one remembered) or the one remembered.
    public func county(code: String?, name: String?) async throws -> (code: String, name: String) {
        if let code, code.count != 6 || !code.allSatisfy(\.isASCIIDigit) {
            throw WorkflowError.usage(ProvinceMessages.notACountyCode(["text": code]))
        }
        let known = try await pool.read { db in try ProvinceOutbox.county(db) }
        if let known, let code, code != known.code {
            throw WorkflowError.usage(ProvinceMessages.countyChanged(["known": known.code, "name": known.name, "given": code]),
                                      hint: ProvinceMessages.countyChangedHint())
        }
        guard let code = code ?? known?.code, let name = name ?? known?.name else {
            throw WorkflowError.usage(ProvinceMessages.countyNeeded())
        }
        return (code, name)
    }

    public func publish(to store: ProvinceStore, code: String?, name: String?, campaign: String?, now: Date,
                        progress: @Sendable (String) -> Void = { _ in }) async throws -> Outcome {
        let county = try await county(code: code, name: name)
        let sections = sections
        let names = try await pool.read { db in
            try campaign.map { [try RunQueries.requireRun(db, $0).campaign] } ?? RunQueries.runs(db).map(\.campaign)
        }
        guard !names.isEmpty else { throw WorkflowError.usage(ProvinceMessages.noCampaignToPublish()) }
        var counted: [(String, Data, Data?)] = []
        let key = personKey
        let idNumbers = key == nil ? nil : try await pool.read { db in try People.idNumbers(db) }
        for name in names {
            progress(name)
            let (facts, people) = try await pool.read { db in
                (try TallyFacts.of(db, campaign: name, sections: sections),
                 try key.map { PersonPseudonyms.encode(try TallyFacts.reaches(db, campaign: name, sections: sections),
                                                           idNumbers: idNumbers ?? [], key: $0) })
            }
            counted.append((name, try ProvinceOutbox.encode(facts), people))
        }
        let held = try await store.heldVersions(county: county.code)
        let toStage = counted
        let staged = try await pool.write { db in
            try ProvinceOutbox.remember(db, code: county.code, name: county.name)
            return try toStage.map { name, facts, people in
                try ProvinceOutbox.stage(db, campaign: name, facts: facts, people: people, held: held[name], now: now)
            }
        }
        let pending = staged.filter { $0.version > (held[$0.campaign] ?? 0) }
        var deliveries: [ProvinceStore.Delivery] = []
        for entry in pending {
            deliveries.append(.init(version: entry.version, asOf: entry.madeAt, facts: try ProvinceOutbox.decode(entry.facts),
                                    people: entry.people))
        }
        _ = try await store.publish(county: county.code, name: county.name, deliveries)
        try await pool.write { db in try ProvinceOutbox.markDelivered(db, pending, at: now) }
        return Outcome(county: county.code, name: county.name,
                       delivered: deliveries.map { ($0.facts.campaign, $0.version, $0.facts.cells.count, $0.asOf) },
                       unchanged: staged.count - pending.count)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
