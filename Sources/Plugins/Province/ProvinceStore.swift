import Foundation
import Logging
import PostgresNIO
import Tally
import Workflow

/// The province's PostgreSQL: where counties' facts are kept, one complete publish per county and
/// campaign, and added up. Each delivery is applied in one transaction that keeps, per campaign, the
/// highest version: a delivery lost, repeated or overtaken by a newer one still converges on the
/// county's latest state, and a reader never sees half of one (PostgreSQL's snapshot isolation).
public struct ProvinceStore: Sendable {
    let connection: PostgresConnection
    let logger: Logger
    public let address: ProvinceAddress

    /// One campaign's facts as the county sends them: its version and when the county counted them.
    public struct Delivery: Sendable {
        public var version: Int64
        public var asOf: Date
        public var facts: TallyFacts
        /// Each person's pseudonym and reach (`PersonPseudonyms`), when the county was given the province's key.
        public var people: Data?

        public init(version: Int64, asOf: Date, facts: TallyFacts, people: Data? = nil) {
            self.version = version
            self.asOf = asOf
            self.facts = facts
            self.people = people
        }
    }

    /// Connects and brings the tables to this program's layout (refusing a newer one).
    public static func open(_ address: ProvinceAddress) async throws -> ProvinceStore {
        var logger = Logger(label: "campaign.province")
        logger.logLevel = .critical
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: address.configuration, id: 1, logger: logger)
        } catch {
            throw WorkflowError.unavailable(ProvinceMessages.cannotConnect(["address": address.description, "reason": reason(error)]),
                                            hint: ProvinceMessages.checkServer())
        }
        let store = ProvinceStore(connection: connection, logger: logger, address: address)
        do {
            try await store.migrate()
        } catch {
            await store.close()
            throw error
        }
        return store
    }

    public func close() async {
        try? await connection.close()
    }

    /// Opens the store, runs `body` with it and closes it, whether `body` succeeds or throws (a
    /// connection must be closed before it is let go).
    public static func using<T: Sendable>(_ address: ProvinceAddress, _ body: (ProvinceStore) async throws -> T) async throws -> T {
        let store = try await open(address)
        do {
            let value = try await body(store)
            await store.close()
            return value
        } catch {
            await store.close()
            throw error
        }
    }

    /// Runs `body` in one transaction, rolled back on any error; PostgreSQL's errors in a clerk's words.
    func transaction<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        _ = try await guarded { try await connection.query("BEGIN", logger: logger) }
        do {
            let value = try await guarded(body)
            _ = try await guarded { try await connection.query("COMMIT", logger: logger) }
            return value
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// A database error as a `WorkflowError`: the server's own words where it gave some.
    func guarded<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as WorkflowError {
            throw error
        } catch let error as PSQLError where error.code == .server {
            throw WorkflowError.unavailable(ProvinceMessages.databaseRefused(["reason": Self.reason(error)]),
                                            hint: ProvinceMessages.checkServer())
        } catch {
            throw WorkflowError.unavailable(ProvinceMessages.cannotConnect(["address": address.description, "reason": Self.reason(error)]),
                                            hint: ProvinceMessages.checkServer())
        }
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return String(describing: underlying) }
            return error.code.description
        }
        return String(describing: error)
    }

    private func migrate() async throws {
        try await transaction {
            try await connection.query("SELECT pg_advisory_xact_lock(\(ProvinceSchema.migrationLock))", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS province_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL)
                """, logger: logger)
            var applied = Set<String>()
            for try await name in try await connection.query("SELECT name FROM province_migration", logger: logger).decode(String.self) {
                applied.insert(name)
            }
            let known = Set(ProvinceSchema.migrations.map(\.name))
            if let unknown = applied.subtracting(known).sorted().last {
                throw WorkflowError.unavailable(ProvinceMessages.newerSchema(["found": unknown, "known": ProvinceSchema.migrations.last!.name]),
                                                hint: ProvinceMessages.upgradeProgram())
            }
            for migration in ProvinceSchema.migrations where !applied.contains(migration.name) {
                for statement in migration.sql { try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
                try await connection.query("INSERT INTO province_migration VALUES (\(migration.name), now())", logger: logger)
            }
        }
    }

    /// The version the province holds of each of a county's campaigns.
    public func heldVersions(county: String) async throws -> [String: Int64] {
        try await guarded {
            var held: [String: Int64] = [:]
            let rows = try await connection.query("SELECT campaign, version FROM county_campaign WHERE county = \(county)", logger: logger)
            for try await (campaign, version) in rows.decode((String, Int64).self) { held[campaign] = version }
            return held
        }
    }

    /// Applies a county's deliveries in one transaction, each only where it is newer than what is held;
    /// returns the campaigns it moved.
    public func publish(county: String, name: String, _ deliveries: [Delivery]) async throws -> [String] {
        try await transaction {
            // Locks the county's row: two publishers of one county apply one after the other.
            try await connection.query("""
                INSERT INTO county VALUES (\(county), \(name), now(), now(), 0)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name
                """, logger: logger)
            var moved: [String] = []
            for delivery in deliveries where try await replace(county: county, with: delivery) {
                moved.append(delivery.facts.campaign)
            }
            if !moved.isEmpty {
                try await connection.query("""
                    UPDATE county SET last_published_at = now(), publishes = publishes + 1 WHERE code = \(county)
                    """, logger: logger)
            }
            return moved
        }
    }

    /// Replaces one campaign's facts when the delivery is newer than the held version.
    private func replace(county: String, with delivery: Delivery) async throws -> Bool {
        let facts = delivery.facts
        let held = try await connection.query("""
            SELECT version FROM county_campaign WHERE county = \(county) AND campaign = \(facts.campaign) FOR UPDATE
            """, logger: logger)
        for try await version in held.decode(Int64.self) where version >= delivery.version { return false }
        try await connection.query("DELETE FROM county_campaign WHERE county = \(county) AND campaign = \(facts.campaign)", logger: logger)
        try await connection.query("""
            INSERT INTO county_campaign VALUES (\(county), \(facts.campaign), \(delivery.version), \(facts.title), \(facts.kind),
                \(facts.heldOn), \(facts.startedAt), \(facts.timeZone), \(facts.venue), \(facts.shredded), \(facts.peopleMeasures),
                \(delivery.asOf), now(), \(delivery.people != nil))
            """, logger: logger)
        let values = facts.values.sorted { $0.key < $1.key }
        try await connection.query("""
            INSERT INTO campaign_value SELECT \(county), \(facts.campaign), m, v
            FROM unnest(\(values.map(\.key))::text[], \(values.map { Int64($0.value) })::int8[]) AS t(m, v)
            """, logger: logger)
        var townships: [String] = [], villages: [String] = [], groups: [String] = [], measures: [String] = [], counts: [Int64] = []
        for cell in facts.cells {
            for (measure, count) in cell.counts where count != 0 {
                townships.append(cell.township)
                villages.append(cell.village)
                groups.append(cell.groups.joined(separator: ","))
                measures.append(measure)
                counts.append(Int64(count))
            }
        }
        try await connection.query("""
            INSERT INTO people_cell SELECT \(county), \(facts.campaign), t, v, string_to_array(g, ','), m, c
            FROM unnest(\(townships)::text[], \(villages)::text[], \(groups)::text[], \(measures)::text[], \(counts)::int8[])
                AS x(t, v, g, m, c)
            """, logger: logger)
        if let people = delivery.people { try await copyPeople(county: county, campaign: facts.campaign, people) }
        return true
    }

    /// The people's pseudonyms and reach, by COPY (a million rows in seconds, inside the publish's transaction).
    private func copyPeople(county: String, campaign: String, _ people: Data) async throws {
        let prefix = county + "\t" + campaign.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: " ")
            .replacingOccurrences(of: "\n", with: " ") + "\t\\\\x"
        try await connection.copyFrom(table: "person_reach", columns: ["county", "campaign", "pseudonym", "reached"], logger: logger) { writer in
            var buffer = ByteBuffer()
            for (pseudonym, reached) in PersonPseudonyms.decode(people) {
                buffer.writeString(prefix)
                buffer.writeString(pseudonym)
                buffer.writeString("\t\(reached)\n")
                if buffer.readableBytes > 1 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
    }
}
