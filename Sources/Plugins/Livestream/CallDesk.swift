import Foundation
import GRDB
import Ledger
import Workflow

/// The call-back desk of a livestream campaign: makes a call task for every lead not called yet and
/// for every not-reached lead whose retry delay has passed (up to `attempts` calls), gives the queued
/// tasks out fairly for today (`CallAssigner`), and says where the leads stand.
public struct CallDesk: Sendable {
    public struct Standing: Sendable, Equatable {
        public var leads = 0
        public var settled = 0
        public var reached = 0
        public var booked = 0
        public var notReached = 0
        public var wrongNumber = 0
        public var notInterested = 0
        public var open = 0
        public var queued = 0
    }

    let campaign: String
    let assigner: CallAssigner
    let attempts: Int
    let retryAfter: TimeInterval
    let timeZone: TimeZone

    public init(campaign: String, assigner: CallAssigner, attempts: Int, retryAfter: TimeInterval, timeZone: TimeZone) {
        self.campaign = campaign
        self.assigner = assigner
        self.attempts = attempts
        self.retryAfter = retryAfter
        self.timeZone = timeZone
    }

    /// Makes and gives out what is due at `now`; returns the standing and when the next retry comes due.
    public func dispatch(now: Date, db: Database) throws -> (standing: Standing, nextRetry: Date?) {
        let leads = try LivestreamRecords.leads(campaign: campaign, db: db)
        var latest: [Int64: CallRecord] = [:]
        for call in try LivestreamRecords.calls(campaign: campaign, db: db) where (latest[call.leadID]?.attempt ?? 0) < call.attempt {
            latest[call.leadID] = call
        }
        let insert = try db.makeStatement(sql: """
            INSERT INTO livestream_call (campaign, lead_id, attempt, staff, assigned_on, due_at, status, note, updated_at)
            VALUES (?, ?, ?, '', '', ?, 'open', '', ?)
            """)
        var nextRetry: Date?
        for lead in leads {
            guard let call = latest[lead.id] else {
                try insert.execute(arguments: [campaign, lead.id, 1, now, now])
                continue
            }
            guard call.status == .notReached, call.attempt < attempts else { continue }
            let due = call.updatedAt.addingTimeInterval(retryAfter)
            if due <= now {
                try insert.execute(arguments: [campaign, lead.id, call.attempt + 1, now, now])
            } else {
                nextRetry = min(nextRetry ?? due, due)
            }
        }
        try assignQueued(now: now, db: db)
        return (try standing(db: db), nextRetry)
    }

    /// Gives today's share of the queued tasks to staff, oldest first.
    func assignQueued(now: Date, db: Database) throws {
        let today = SheetDate.day(of: now, in: timeZone)
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT staff, count(*) AS n FROM livestream_call WHERE campaign = ? AND assigned_on = ? AND staff <> '' GROUP BY staff
            """, arguments: [campaign, today]) {
            counts[row["staff"]] = row["n"]
        }
        let queued = try Int64.fetchAll(db, sql: """
            SELECT id FROM livestream_call WHERE campaign = ? AND staff = '' AND status = 'open' ORDER BY id
            """, arguments: [campaign])
        let given = assigner.assign(queued.count, today: counts)
        let update = try db.makeStatement(sql: "UPDATE livestream_call SET staff = ?, assigned_on = ? WHERE id = ?")
        for (id, staff) in zip(queued, given) {
            guard let staff else { break }
            try update.execute(arguments: [staff, today, id])
        }
    }

    /// Each lead by its latest call.
    func standing(db: Database) throws -> Standing {
        var standing = Standing()
        var latest: [Int64: CallRecord] = [:]
        for call in try LivestreamRecords.calls(campaign: campaign, db: db) where (latest[call.leadID]?.attempt ?? 0) < call.attempt {
            latest[call.leadID] = call
        }
        for lead in try LivestreamRecords.leads(campaign: campaign, db: db) {
            standing.leads += 1
            guard let call = latest[lead.id] else { standing.open += 1; continue }
            switch call.status {
            case .open:
                standing.open += 1
                if call.staff.isEmpty { standing.queued += 1 }
            case .notReached:
                standing.notReached += 1
                if call.attempt >= attempts { standing.settled += 1 }
            case .reached: standing.reached += 1
            case .booked: standing.booked += 1
            case .wrongNumber: standing.wrongNumber += 1
            case .notInterested: standing.notInterested += 1
            }
            if call.status.settles { standing.settled += 1 }
        }
        return standing
    }
}
