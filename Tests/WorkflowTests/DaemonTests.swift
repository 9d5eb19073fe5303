import Foundation
import GRDB
import Testing
@testable import Workflow
import WorkflowTesting

/// The daemon runs campaigns on time by itself: timers and schedules on the virtual clock, one real
/// timer on the wall clock, and two daemons that never drive the same run.
@Suite struct DaemonTests {
    func harness() throws -> EngineHarness {
        try EngineHarness(plugins: [CorePlugin.plugin, probePlugin()])
    }

    func time(_ text: String) -> Date { TimeFormats.dateTime(text, timeZone: WorkflowDefinition.defaultTimeZone)! }

    @Test func aTimerFiresWhenItsTimeComesWithNobodyResuming() async throws {
        let h = try harness()
        h.clock.set(time("2026-03-01 08:00"))
        let engine = h.engine(waitHorizon: .zero)
        let waiting = try await engine.start(try h.workflow("""
            name: follow-up
            steps:
              - id: wait
                uses: core.wait
                with: { for: 2h }
              - id: remind
                needs: wait
                uses: core.log
                with: { message: call the leads }
            """))
        #expect(waiting.run.status == .waiting)
        let daemon = Daemon(engine: engine)
        #expect(try await daemon.round() == .worked(next: time("2026-03-01 10:00")))
        #expect(try await engine.summary(campaign: "follow-up").run.status == .waiting)
        h.clock.set(time("2026-03-01 10:00"))
        #expect(try await daemon.round() == .worked(next: nil))
        #expect(try await engine.summary(campaign: "follow-up").run.status == .completed)
    }

    /// Whatever is stored as a timer (#33) — a number beyond any calendar, garbage text, a blob — the
    /// daemon's round and a resume go on: nothing crashes, nothing is driven every second; a time far in
    /// the past fires, one that cannot be read is no timer (the step waits for its signal).
    @Test(arguments: ["1e300", "-1e300", "'garbage'", "X'00FF'", "'2026-03-01 99:99'"])
    func aTimerTamperedWithIsReadOrIgnoredNeverACrash(_ stored: String) async throws {
        let h = try harness()
        h.clock.set(time("2026-03-01 08:00"))
        let engine = h.engine(waitHorizon: .zero)
        _ = try await engine.start(try h.workflow("""
            name: follow-up
            steps:
              - id: wait
                uses: core.wait
                with: { for: 2h, signal: true }
            """))
        try await h.workspace.pool.write { db in
            try db.execute(sql: "UPDATE workflow_step SET due_at = \(stored) WHERE step_id = 'wait'")
        }
        let daemon = Daemon(engine: engine)
        for _ in 0..<3 { _ = try await daemon.round() }
        let summary = try await engine.resume(campaign: "follow-up", patience: .zero)
        #expect([.waiting, .completed].contains(summary.run.status), "\(stored): \(summary.run.status)")
        #expect(try await daemon.runsWithWorkDue().count <= (stored == "-1e300" ? 1 : 0), "\(stored)")
        // The page and the terminal show it without a trap.
        _ = TimeFormats.display(Date(timeIntervalSince1970: 1e300), timeZone: .current)
        _ = TimeFormats.display(Date(timeIntervalSince1970: -1e300), timeZone: .current, seconds: true)
    }

    @Test func aScheduleStartsOneRunAtEachTimeAndWaitsUntilTheNextCronTime() async throws {
        let h = try harness()
        h.clock.set(time("2026-03-01 08:00"))  // a Sunday
        let engine = h.engine(waitHorizon: .zero)
        let workflow = try h.workflow("""
            name: reminders
            on:
              schedule:
                - cron: "0 9 * * *"
            steps:
              - id: remind
                uses: core.log
                with: { message: "call back the leads not reached" }
              - id: monday
                needs: remind
                uses: core.wait
                with: { at: "0 9 * * 1#1" }
            """)
        let schedule = try await engine.schedule(workflow)
        #expect(schedule.nextFireAt == time("2026-03-01 09:00"))
        let daemon = Daemon(engine: engine)
        #expect(try await daemon.round() == .worked(next: time("2026-03-01 09:00")))
        h.clock.set(time("2026-03-01 09:00"))
        _ = try await daemon.round()
        let first = try await engine.summary(campaign: "reminders-20260301-0900")
        #expect(first.run.status == .waiting)
        // The wait runs to the first Monday of the month: 2 March 2026 at 09:00.
        #expect(first.steps.first { $0.stepId == "monday" }?.dueAt == time("2026-03-02 09:00"))

        // Off for three days: one run for the latest time, not three; the waiting run goes on.
        h.clock.set(time("2026-03-04 09:30"))
        _ = try await daemon.round()
        let runs = try await h.workspace.pool.read { db in try RunQueries.runs(db).map(\.campaign) }
        #expect(runs == ["reminders-20260301-0900", "reminders-20260304-0900"])
        #expect(try await engine.summary(campaign: "reminders-20260301-0900").run.status == .completed)
        let stored = try await h.workspace.pool.read { db in try ScheduleRecord.all(db) }
        #expect(stored.first?.nextFireAt == time("2026-03-05 09:00"))
        #expect(stored.first?.lastCampaign == "reminders-20260304-0900")

        // Scheduling the same campaign twice is refused; unscheduling stops it.
        let twice = await #expect(throws: WorkflowError.self) { try await engine.schedule(workflow) }
        #expect(twice?.message == "campaign 'reminders' is already scheduled")
        try await engine.unschedule("reminders")
        h.clock.set(time("2026-03-06 09:30"))
        _ = try await daemon.round()
        #expect(try await h.workspace.pool.read { db in try RunQueries.runs(db).count } == 2)
    }

    @Test func aSecondDaemonStandsByAndTakesOverWhenTheFirstStops() async throws {
        let h = try harness()
        // Timeouts of an hour, so that a loaded machine's pauses cannot pass for a stopped daemon.
        var first = Daemon(engine: h.engine(waitHorizon: .zero))
        first.leaseTimeout = 3600
        var second = Daemon(engine: h.engine(waitHorizon: .zero))
        second.leaseTimeout = 3600
        #expect(try await first.round() == .worked(next: nil))
        let pid = ProcessInfo.processInfo.processIdentifier
        #expect(try await second.round() == .standingBy(pid: pid, host: ProcessInfo.processInfo.hostName))
        // The first stops without a word (its heartbeat ends): once its heartbeat is older than the
        // timeout (here: any age), the second works.
        second.leaseTimeout = 0
        #expect(try await second.round() == .worked(next: nil))
        #expect(try await first.round() == .standingBy(pid: pid, host: ProcessInfo.processInfo.hostName))
        // A daemon that stops cleanly hands over at once.
        try await second.releaseLease()
        #expect(try await first.round() == .worked(next: nil))
    }
}

/// Which daemons reported driving a run.
final class DroveCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var seen = Set<Int>()

    func add(_ daemon: Int) { lock.withLock { _ = seen.insert(daemon) } }
    var daemons: Set<Int> { lock.withLock { seen } }
}

/// On the wall clock, so run alone after the rest of the suite (scripts/test), where a loaded machine
/// does not make a second late by itself.
@Suite struct WallClockDaemonTests {
    /// On the wall clock: two daemons run side by side over a fan-out of timers; every instance
    /// wakes exactly once, within a second of its time, and only one daemon drives.
    @Test(.timeLimit(.minutes(1))) func twoDaemonsNeverDriveTheSameRunAndTimersFireOnTime() async throws {
        let directory = try TemporaryDirectory()
        let registry = PluginRegistry([CorePlugin.plugin])
        let workspace = try Workspace(path: directory.databasePath, registry: registry)
        let engine = Engine(registry: registry, workspace: workspace, clock: SystemClock(),
                            options: EngineOptions(waitHorizon: .zero))
        let path = try directory.write("timers.yaml", """
            name: timers
            steps:
              - id: wait
                for_each: [1, 2, 3, 4, 5, 6, 7, 8]
                uses: core.wait
                with: { for: "1${{ item }}00ms" }
              - id: done
                needs: wait
                uses: core.log
                with: { message: all woke }
            """)
        let started = try await engine.start(try Validator(registry: registry).validate(path: path))
        #expect(started.run.status == .waiting)
        let drove = DroveCounter()
        let daemons = (0..<2).map { n in
            Daemon(engine: engine, pollInterval: .milliseconds(20), report: { event in
                if case .drove = event { drove.add(n) }
            })
        }
        let tasks = daemons.map { daemon in Task { try await daemon.run() } }
        let deadline = Date().addingTimeInterval(20)
        while try await engine.summary(campaign: "timers").run.status != .completed, Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        for task in tasks { task.cancel() }
        for task in tasks { _ = try? await task.value }
        #expect(try await engine.summary(campaign: "timers").run.status == .completed)
        #expect(drove.daemons.count == 1, "both daemons drove the run: \(drove.daemons)")
        let rows = try workspace.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.step_id, s.started_at, s.item_json,
                       (SELECT count(*) FROM workflow_event e WHERE e.run_id = s.run_id AND e.step_id = s.step_id
                        AND e.kind = 'woke') AS wakes,
                       (SELECT max(e.at) FROM workflow_event e WHERE e.run_id = s.run_id AND e.step_id = s.step_id
                        AND e.kind = 'woke') AS woke_at
                FROM workflow_step s WHERE s.parent_step = 'wait'
                """)
        }
        #expect(rows.count == 8)
        for row in rows {
            let step: String = row["step_id"]
            #expect(row["wakes"] as Int == 1, "\(step) woke \(row["wakes"] as Int) times")
            let started: Date = row["started_at"], woke: Date = row["woke_at"]
            let item = Double(row["item_json"] as String)!
            let lateness = woke.timeIntervalSince(started.addingTimeInterval(1 + item / 10))
            #expect(lateness >= 0 && lateness < 1, "\(step) woke \(lateness) s after its time")
        }
    }

    @Test func runCurrentStartsThePeriodThatHasBegunAndLeavesTheRestToTheDaemon() async throws {
        func at(_ text: String) -> Date { TimeFormats.dateTime(text, timeZone: WorkflowDefinition.defaultTimeZone)! }
        let h = try EngineHarness(plugins: [CorePlugin.plugin])
        h.clock.set(at("2026-03-06 10:00"))
        let engine = h.engine(waitHorizon: .zero)
        let workflow = try h.workflow("""
            name: monthly
            on:
              schedule:
                - cron: "0 8 1 * *"
              run_current: true
            steps:
              - { id: note, uses: core.log, with: { message: "this month's sheets" } }
            """)
        #expect(workflow.definition.runsCurrentPeriod)
        let schedule = try await engine.schedule(workflow)
        #expect(schedule.nextFireAt == at("2026-03-01 08:00"))        // the month that has begun
        let started = try await engine.fireDueSchedules()
        #expect(started.map(\.run.campaign) == ["monthly-20260301-0800"])
        let stored = try await h.workspace.pool.read { db in try ScheduleRecord.all(db) }
        #expect(stored.first?.nextFireAt == at("2026-04-01 08:00"))
        // Without run_current, the first run is the next time.
        let plain = try h.workflow("""
            name: later
            on: { schedule: [ { cron: "0 8 1 * *" } ] }
            steps:
              - { id: note, uses: core.log, with: { message: "x" } }
            """, file: "later.yaml")
        #expect(try await engine.schedule(plain).nextFireAt == at("2026-04-01 08:00"))
        let wrong = #expect(throws: WorkflowError.self) {
            try h.workflow("""
                name: wrong
                on: { schedule: [ { cron: "0 8 1 * *" } ], run_current: sometimes }
                steps:
                  - { id: note, uses: core.log, with: { message: "x" } }
                """, file: "wrong.yaml")
        }
        #expect(wrong?.diagnostics.map(\.message) == ["'run_current' is true or false"])
        #expect(wrong?.diagnostics.first?.location.line == 2)
    }
}
