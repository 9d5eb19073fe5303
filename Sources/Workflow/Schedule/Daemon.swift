import Foundation
import GRDB

/// Runs the campaigns of a workspace on time, by itself: fires timers and retries when they are
/// due, delivers signals and cancels sent from other processes, resumes runs a crash left behind,
/// and starts the runs of schedules (`on: schedule:`).
///
/// Of all the daemons on a workspace (`campaign run-daemon`, the loop inside `campaign serve`) one
/// holds the lease and works; the others stand by and take over when its heartbeat stops. Each run
/// is also owned by the one process driving it, so even a command run by hand never drives a run
/// the daemon is driving.
public struct Daemon: Sendable {
    public let engine: Engine
    /// This daemon, in the lease: two daemons in one process are still two.
    public let owner: String
    /// How often it looks for work from other processes (new runs, signals, cancels).
    public var pollInterval: Duration
    /// A lease whose heartbeat is older than this is taken over (a process on this machine that
    /// has died is taken over at once).
    public var leaseTimeout: TimeInterval
    public var report: @Sendable (DaemonEvent) -> Void
    /// Work the daemon does for the workspace beyond its runs, each round while it holds the lease —
    /// shredding campaigns whose retention has ended, say. Each returns what it did, in words to report.
    public var chores: [@Sendable (Date) async throws -> [String]]

    public init(engine: Engine, pollInterval: Duration = .seconds(1), leaseTimeout: TimeInterval = 15,
                chores: [@Sendable (Date) async throws -> [String]] = [],
                report: @escaping @Sendable (DaemonEvent) -> Void = { _ in }) {
        // Its drives never sleep: the daemon itself waits for the next timer, for every run at once.
        self.engine = Engine(registry: engine.registry, workspace: engine.workspace, clock: engine.clock,
                             options: EngineOptions(maxConcurrency: engine.options.maxConcurrency, waitHorizon: .zero),
                             logger: engine.logger, observer: engine.observer)
        self.owner = UUID().uuidString
        self.pollInterval = pollInterval
        self.leaseTimeout = leaseTimeout
        self.report = report
        self.chores = chores
    }

    /// What one round did.
    public enum Round: Sendable, Equatable {
        /// Another daemon holds the lease.
        case standingBy(pid: Int32, host: String)
        /// It worked; the next timer or schedule is due then (nil: nothing timed).
        case worked(next: Date?)
    }

    /// One round: take (or renew) the lease, start due schedules, drive every run with work due.
    public func round() async throws -> Round {
        if let holder = try await acquireLease() { return .standingBy(pid: holder.pid, host: holder.host) }
        for summary in try await engine.fireDueSchedules() {
            report(.scheduled(campaign: summary.run.campaign, status: summary.run.status))
        }
        for campaign in try await runsWithWorkDue() {
            do {
                let summary = try await engine.resume(campaign: campaign, patience: .zero)
                report(.drove(campaign: campaign, status: summary.run.status))
            } catch let error as WorkflowError where error.code == .unavailable {
                continue  // a command is driving it right now; the next round looks again
            } catch is CancellationError {
                throw CancellationError()
            } catch let error as WorkflowError {
                // Its definition no longer loads, say: the others go on.
                report(.skipped(campaign: campaign, reason: error.description))
            }
        }
        for chore in chores {
            do {
                for message in try await chore(engine.clock.now()) { report(.chore(message)) }
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                report(.choreFailed(String(describing: error)))
            }
        }
        return .worked(next: try await nextDue())
    }

    /// Rounds until the task is cancelled, sleeping until the next timer (or the poll interval).
    public func run() async throws {
        report(.started(pid: ProcessInfo.processInfo.processIdentifier))
        defer { report(.stopped) }
        var standingBy = false
        while !Task.isCancelled {
            let round: Round
            do {
                round = try await self.round()
            } catch is CancellationError {
                break
            }
            let now = engine.clock.now()
            var wake = now.addingTimeInterval(pollInterval.seconds)
            switch round {
            case .standingBy(let pid, let host):
                if !standingBy { report(.standingBy(pid: pid, host: host)) }
                standingBy = true
            case .worked(let next):
                if standingBy { report(.tookOver) }
                standingBy = false
                if let next, next < wake { wake = max(next, now) }
            }
            do {
                try await engine.clock.sleep(until: wake)
            } catch is CancellationError {
                break
            }
        }
        try? await releaseLease()
    }

    // MARK: - Work due

    /// Runs that have something to do now: a timer or retry due, a signal or a cancel not yet
    /// delivered, or an attempt a crash interrupted.
    func runsWithWorkDue() async throws -> [String] {
        let now = engine.clock.now()
        return try await engine.workspace.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT r.campaign FROM workflow_run r
                WHERE r.status NOT IN ('completed', 'cancelled') AND (
                    EXISTS (SELECT 1 FROM workflow_step s WHERE s.run_id = r.id
                            AND s.status IN ('waiting', 'retrying') AND typeof(s.due_at) = 'text' AND s.due_at <= ?)
                    OR EXISTS (SELECT 1 FROM workflow_signal g WHERE g.run_id = r.id AND g.consumed_at IS NULL)
                    OR (r.cancel_requested_at IS NOT NULL AND r.cancel_applied_at IS NULL)
                    OR EXISTS (SELECT 1 FROM workflow_step s WHERE s.run_id = r.id AND s.status = 'running'
                               AND s.fan_out IS NULL)
                    OR r.status = 'running')
                ORDER BY r.id
                """, arguments: [now])
        }
    }

    /// The earliest timer, retry or schedule still to come.
    func nextDue() async throws -> Date? {
        try await engine.workspace.pool.read { db in
            // Text times only, read leniently: a value edited by hand is no timer, never a stopped daemon.
            let step = try String.fetchOne(db, sql: """
                SELECT min(s.due_at) FROM workflow_step s JOIN workflow_run r ON r.id = s.run_id
                WHERE s.status IN ('waiting', 'retrying') AND r.status NOT IN ('completed', 'cancelled')
                    AND typeof(s.due_at) = 'text'
                """).flatMap { Date.fromDatabaseValue($0.databaseValue) }
            let schedule = try Date.fetchOne(db, sql: "SELECT min(next_fire_at) FROM workflow_schedule")
            return [step, schedule].compactMap { $0 }.min()
        }
    }

    // MARK: - The lease

    /// Takes or renews the lease; returns the holder when another live daemon has it.
    func acquireLease() async throws -> (pid: Int32, host: String)? {
        let pid = ProcessInfo.processInfo.processIdentifier
        let host = ProcessInfo.processInfo.hostName
        let now = Date()
        let timeout = leaseTimeout
        return try await engine.workspace.pool.write { [owner] db in
            if let row = try Row.fetchOne(db, sql: "SELECT owner, owner_pid, owner_host, heartbeat_at FROM workflow_daemon") {
                let holder: String = row["owner"]
                let holderPid: Int32 = row["owner_pid"]
                let holderHost: String = row["owner_host"]
                let heartbeat: Date = row["heartbeat_at"]
                let dead = holderHost == host && holderPid != pid && !RunDriver.processIsAlive(holderPid)
                if holder != owner, !dead, now.timeIntervalSince(heartbeat) < timeout {
                    return (holderPid, holderHost)
                }
            }
            try db.execute(sql: """
                INSERT INTO workflow_daemon (id, owner, owner_pid, owner_host, heartbeat_at) VALUES (1, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET owner = excluded.owner, owner_pid = excluded.owner_pid,
                    owner_host = excluded.owner_host, heartbeat_at = excluded.heartbeat_at
                """, arguments: [owner, pid, host, now])
            return nil
        }
    }

    /// Gives the lease up (a daemon that stops cleanly lets another take over, and `restore` go ahead,
    /// at once). Written without waiting on the task: it runs as the daemon's task is being cancelled
    /// (Ctrl-C, SIGTERM), when an asynchronous write would be refused.
    public func releaseLease() async throws {
        try releaseLeaseWithoutWaiting()
    }

    private func releaseLeaseWithoutWaiting() throws {
        try engine.workspace.pool.write { [owner] db in
            try db.execute(sql: "DELETE FROM workflow_daemon WHERE owner = ?", arguments: [owner])
        }
    }

    /// The daemon holding a workspace's lease, if one is alive: its heartbeat within `timeout` of the
    /// wall clock (never the campaign clock, which `CAMPAIGN_NOW` may set anywhere), and — on this
    /// machine — its process still there (one killed with -9 is seen at once).
    public static func liveHolder(_ db: Database, timeout: TimeInterval, now: Date = Date()) throws -> (pid: Int32, host: String)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT owner_pid, owner_host, heartbeat_at FROM workflow_daemon") else {
            return nil
        }
        let pid: Int32 = row["owner_pid"], host: String = row["owner_host"], heartbeat: Date = row["heartbeat_at"]
        if host == ProcessInfo.processInfo.hostName && !RunDriver.processIsAlive(pid) { return nil }
        let age = now.timeIntervalSince(heartbeat)
        return age >= -timeout && age < timeout ? (pid, host) : nil
    }
}

/// What a daemon tells its operator.
public enum DaemonEvent: Sendable, Equatable {
    case started(pid: Int32)
    case standingBy(pid: Int32, host: String)
    case tookOver
    case scheduled(campaign: String, status: RunStatus)
    case drove(campaign: String, status: RunStatus)
    case skipped(campaign: String, reason: String)
    /// A chore did something (a campaign's data shredded when its retention ended).
    case chore(String)
    /// A chore could not be done this round; the next round tries again.
    case choreFailed(String)
    case stopped
}
