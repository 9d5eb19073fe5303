import Foundation
import GRDB
import Testing
import Workflow
import WorkflowTesting

/// `for_each:` makes one durable instance of a step per item: over a variable's list or an
/// upstream step's output, at most `max-parallel` at once, each retried and signalled on its own,
/// with the instances' outputs read downstream as lists.
@Suite struct FanOutTests {
    func harness(_ tracker: ConcurrencyTracker = ConcurrencyTracker()) throws -> EngineHarness {
        try EngineHarness(plugins: [CorePlugin.plugin, probePlugin(tracker)])
    }

    func effects(_ h: EngineHarness) throws -> [String] {
        try h.workspace.pool.read { db in
            try String.fetchAll(db, sql: "SELECT step_id || '=' || coalesce(label, '') FROM probe_effect ORDER BY step_id")
        }
    }

    func step(_ summary: RunSummary, _ id: String) -> StepRecord? { summary.steps.first { $0.stepId == id } }

    @Test(.timeLimit(.minutes(5))) func overAVariableAtMostMaxParallelAtOnceAndReadDownstreamAsAList() async throws {
        let tracker = ConcurrencyTracker()
        let h = try harness(tracker)
        let workflow = try h.workflow("""
            name: buses
            vars:
              batches:
                - { town: 城关镇, bus: 1 }
                - { town: 河口镇, bus: 2 }
                - { town: 太平乡, bus: 3 }
                - { town: 新华乡, bus: 4 }
                - { town: 柳林镇, bus: 5 }
                - { town: 城关镇, bus: 6 }
            steps:
              - id: board
                uses: probe.work
                for_each: ${{ vars.batches }}
                max-parallel: 2
                with: { label: "${{ item.town }}-${{ item.bus }}", meet: 2 }
              - id: manifest
                needs: board
                uses: core.log
                with: { message: "${{ steps.board.outputs.label }}" }
            """)
        // Six instances, each waiting until two prepare at once, with four slots free in the engine:
        // the run completes only if two ran together, and the peak shows no third ever did.
        let summary = try await h.engine(maxConcurrency: 4).start(workflow)
        #expect(summary.run.status == .completed)
        #expect(tracker.peak == 2)
        #expect(try effects(h) == ["board[1]=城关镇-1", "board[2]=河口镇-2", "board[3]=太平乡-3", "board[4]=新华乡-4",
                                   "board[5]=柳林镇-5", "board[6]=城关镇-6"])
        #expect(step(summary, "board")?.fanOut == 6)
        #expect(step(summary, "board")?.outputs["label"] == .array(["城关镇-1", "河口镇-2", "太平乡-3", "新华乡-4",
                                                                   "柳林镇-5", "城关镇-6"].map(Value.string)))
        #expect(step(summary, "manifest")?.outputs["message"]
                == .string(#"["城关镇-1","河口镇-2","太平乡-3","新华乡-4","柳林镇-5","城关镇-6"]"#))
        #expect(step(summary, "board[4]")?.item == .object(["town": .string("新华乡"), "bus": .int(4)]))
        #expect(step(summary, "board[4]")?.parentStep == "board")
    }

    @Test func overAnUpstreamOutputWithAConditionPerItem() async throws {
        let h = try harness()
        let workflow = try h.workflow("""
            name: callbacks
            steps:
              - id: plan
                uses: probe.list
                with: { count: 5 }
              - id: call
                needs: plan
                for_each: ${{ steps.plan.outputs.items }}
                if: ${{ item.town != '河口镇' }}
                uses: probe.work
                with: { label: "${{ item.n }} ${{ item.town }}" }
              - id: count
                needs: call
                uses: core.log
                with: { message: "${{ steps.call.outputs.label }}" }
            """)
        let summary = try await h.engine().start(workflow)
        #expect(summary.run.status == .completed)
        #expect(try effects(h) == ["call[1]=1 城关镇", "call[3]=3 太平乡", "call[4]=4 新华乡", "call[5]=5 柳林镇"])
        #expect(step(summary, "call[2]")?.status == .skipped)
        #expect(step(summary, "count")?.outputs["message"] == .string(#"["1 城关镇",null,"3 太平乡","4 新华乡","5 柳林镇"]"#))
    }

    @Test func anEmptyListEndsTheStepWithEmptyOutputs() async throws {
        let h = try harness()
        let summary = try await h.engine().start(try h.workflow("""
            name: none
            vars: { towns: [] }
            steps:
              - id: each
                for_each: ${{ vars.towns }}
                uses: probe.work
                with: { label: "${{ item }}" }
              - id: after
                needs: each
                uses: core.log
                with: { message: "got ${{ steps.each.outputs.label }}" }
            """))
        #expect(summary.run.status == .completed)
        #expect(step(summary, "each")?.fanOut == 0)
        #expect(step(summary, "after")?.outputs["message"] == .string("got []"))
    }

    @Test func eachInstanceIsRetriedOnItsOwnAndAFailedOneIsRetriedAlone() async throws {
        let h = try harness()
        try await h.workspace.pool.write { db in try db.execute(sql: "INSERT INTO probe_switch VALUES ('河口镇', 1)") }
        let workflow = try h.workflow("""
            name: flaky
            steps:
              - id: send
                for_each:
                  - { town: 城关镇, fails: 0 }
                  - { town: 河口镇, fails: 0 }
                  - { town: 太平乡, fails: 2 }
                retry: { attempts: 3, backoff: 1m }
                uses: probe.flaky
                with: { label: "${{ item.town }}", fail_attempts: "${{ item.fails }}", blocked_by: "${{ item.town }}" }
              - id: after
                needs: send
                uses: core.log
                with: { message: done }
            """)
        let engine = h.engine()
        let first = try await engine.start(workflow)
        #expect(first.run.status == .failed)
        #expect(step(first, "send[1]")?.attempt == 1)
        #expect(step(first, "send[2]")?.status == .failed)
        #expect(step(first, "send[3]")?.status == .succeeded)
        #expect(step(first, "send[3]")?.attempt == 3)
        #expect(step(first, "send")?.status == .failed)
        #expect(step(first, "send")?.error == "1 of 3 instances failed: send[2] — `campaign retry flaky send` runs them again")
        #expect(step(first, "after")?.status == .blocked)

        try await h.workspace.pool.write { db in try db.execute(sql: "UPDATE probe_switch SET on_ = 0") }
        // Naming the instance, as `status` shows it, retries that one.
        let second = try await engine.retry(campaign: "flaky", step: "send[2]")
        #expect(second.run.status == .completed)
        #expect(try effects(h) == ["send[1]=城关镇", "send[2]=河口镇", "send[3]=太平乡"])
        #expect(step(second, "send[1]")?.attempt == 1)  // not run again
        #expect(step(second, "after")?.status == .succeeded)
    }

    @Test func eachInstanceIsSignalledOnItsOwnByNumberOrItem() async throws {
        let h = try harness()
        let workflow = try h.workflow("""
            name: season
            vars: { towns: [城关镇, 河口镇, 太平乡] }
            steps:
              - id: board
                for_each: ${{ vars.towns }}
                uses: core.wait
                with: { signal: true, prompt: "bus from ${{ item }} boarding" }
              - id: report
                needs: board
                uses: core.log
                with: { message: "${{ steps.board.outputs.signalled_by }}" }
            """)
        let engine = h.engine()
        let waiting = try await engine.start(workflow)
        #expect(waiting.run.status == .waiting)
        #expect(step(waiting, "board[2]")?.prompt
                == "bus from 河口镇 boarding——完成后运行：campaign signal season board 2")
        let two = try await engine.signal(campaign: "season", step: "board", item: "2", by: "李", note: nil)
        #expect(step(two, "board[2]")?.status == .succeeded)
        #expect(step(two, "board[1]")?.status == .waiting)
        _ = try await engine.signal(campaign: "season", step: "board", item: "太平乡", by: "王", note: nil)

        // Without the instance, or with one that does not exist, the answer says which there are.
        let bare = await #expect(throws: WorkflowError.self) {
            try await engine.signal(campaign: "season", step: "board", by: nil, note: nil)
        }
        #expect(bare?.message == "step 'board' runs once per item; say which instance to signal")
        #expect(bare?.hint == "instances waiting for a signal: board 1")
        let unknown = await #expect(throws: WorkflowError.self) {
            try await engine.signal(campaign: "season", step: "board", item: "柳林镇", by: nil, note: nil)
        }
        #expect(unknown?.message == "step 'board' has no instance '柳林镇' (it has 3, numbered from 1)")
        #expect(unknown?.hint == "instances: 1 (城关镇), 2 (河口镇), 3 (太平乡)")

        let done = try await engine.signal(campaign: "season", step: "board[1]", by: "张", note: nil)
        #expect(done.run.status == .completed)
        #expect(step(done, "report")?.outputs["message"] == .string(#"["张","李","王"]"#))
    }

    @Test func cancellingStopsEveryWaitingInstance() async throws {
        let h = try harness()
        let workflow = try h.workflow("""
            name: season
            steps:
              - id: board
                for_each: [a, b, c, d]
                max-parallel: 2
                uses: core.wait
                with: { signal: true }
            """)
        let engine = h.engine()
        let waiting = try await engine.start(workflow)
        #expect(waiting.steps.filter { $0.status == .waiting }.map(\.stepId) == ["board[1]", "board[2]"])
        #expect(waiting.steps.filter { $0.status == .pending }.map(\.stepId) == ["board[3]", "board[4]"])
        let cancelled = try await engine.cancel(campaign: "season", by: nil, reason: nil)
        #expect(cancelled.run.status == .cancelled)
        #expect(cancelled.steps.map(\.status) == [.cancelled, .cancelled, .cancelled, .cancelled, .cancelled])
    }

    @Test func aForEachThatGivesNoListFailsTheStepSayingWhat() async throws {
        let h = try harness()
        let summary = try await h.engine().start(try h.workflow("""
            name: bad
            steps:
              - id: plan
                uses: probe.work
                with: { label: 城关镇 }
              - id: each
                needs: plan
                for_each: ${{ steps.plan.outputs.label }}
                uses: probe.work
            """))
        #expect(summary.run.status == .failed)
        #expect(step(summary, "each")?.error?.hasSuffix("campaign.yaml:8:15：'for_each' 需要一个列表，但它给出的是文字“城关镇”") == true,
                "\(step(summary, "each")?.error ?? "")")
    }
}
