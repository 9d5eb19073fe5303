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
    public func dispatch(_ db: Database, now: Date) throws -> (standing: Standing, nextRetry: Date?) {
        let leads = try Int64.fetchAll(db, sql: "SELECT id FROM livestream_lead WHERE campaign = ? ORDER BY id",
                                       arguments: [campaign])
        let calls = try LivestreamRecords.calls(db, campaign: campaign)
        var latest: [Int64: CallRecord] = [:]
        for call in calls where (latest[call.leadID]?.attempt ?? 0) < call.attempt { latest[call.leadID] = call }
        // New tasks: leads never called, and leads not reached whose retry delay has passed.
        var fresh: [(lead: Int64, attempt: Int)] = []
        var nextRetry: Date?
        for lead in leads {
            guard let call = latest[lead] else { fresh.append((lead, 1)); continue }
            guard call.status == .notReached, call.attempt < attempts else { continue }
            let due = call.updatedAt.addingTimeInterval(retryAfter)
            if due <= now { fresh.append((lead, call.attempt + 1)) } else { nextRetry = min(nextRetry ?? due, due) }
        }
        // Everything queued, the oldest first, given out for today in one pass.
        let today = SheetDate.day(of: now, in: timeZone)
        var counts: [String: Int] = [:]
        for call in calls where call.assignedOn == today && !call.staff.isEmpty { counts[call.staff, default: 0] += 1 }
        let queued = calls.filter { $0.staff.isEmpty && $0.status == .open }
        let given = assigner.assign(queued.count + fresh.count, today: counts)
        let update = try db.makeStatement(sql: "UPDATE livestream_call SET staff = ?, assigned_on = ? WHERE id = ?")
        for (call, staff) in zip(queued, given) {
            guard let staff else { continue }
            try update.execute(arguments: [staff, today, call.id])
            latest[call.leadID]?.staff = staff
        }
        // Through SQLite's own binding: a task a lead, tens of thousands after a big livestream.
        let insert = try RawStatement(db, sql: """
            INSERT INTO livestream_call (campaign, due_at, updated_at, lead_id, attempt, staff, assigned_on, status, note)
            VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, 'open', '')
            """)
        insert.bind(1, campaign)
        // The time as stored, made once: GRDB formats a bound date with a DateFormatter each time.
        insert.bind(2, String.fromDatabaseValue(now.databaseValue))
        for (task, staff) in zip(fresh, given.dropFirst(queued.count)) {
            insert.bind(3, task.lead)
            insert.bind(4, Int64(task.attempt))
            insert.bind(5, staff ?? "")
            insert.bind(6, staff == nil ? "" : today)
            _ = try insert.step()
            latest[task.lead] = CallRecord(id: insert.lastInsertedRowID, leadID: task.lead, attempt: task.attempt, staff: staff ?? "",
                                           assignedOn: staff == nil ? "" : today, dueAt: now, status: .open, note: "",
                                           updatedAt: now)
        }
        return (standing(leads: leads, latest: latest), nextRetry)
    }

    /// Each lead by its latest call.
    func standing(_ db: Database) throws -> Standing {
        var latest: [Int64: CallRecord] = [:]
        for call in try LivestreamRecords.calls(db, campaign: campaign) where (latest[call.leadID]?.attempt ?? 0) < call.attempt {
            latest[call.leadID] = call
        }
        let leads = try Int64.fetchAll(db, sql: "SELECT id FROM livestream_lead WHERE campaign = ?", arguments: [campaign])
        return standing(leads: leads, latest: latest)
    }

    private func standing(leads: [Int64], latest: [Int64: CallRecord]) -> Standing {
        var standing = Standing()
        for lead in leads {
            standing.leads += 1
            guard let call = latest[lead] else { standing.open += 1; continue }
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
