import Testing
import Workflow

/// `for_each`, `item`, `max-parallel`, status functions and `needs.ID.result` are checked like
/// everything else: every mistake at once, each at its line:col.
@Suite struct FanOutValidationTests {
    let validator = Validator(registry: PluginRegistry([CorePlugin.plugin, probePlugin()]))

    func errors(_ yaml: String) -> [String] {
        validator.check(file: SourceFile(path: "c.yaml", text: yaml)).1.filter { $0.severity == .error }
            .map { "\($0.location.line):\($0.location.column) \($0.message)" + ($0.hint.map { " | \($0)" } ?? "") }
    }

    @Test func aGoodFanOutHasNoErrors() {
        #expect(errors("""
            name: ok
            vars:
              batches: [{ town: 城关镇, bus: 1 }, { town: 河口镇, bus: 2 }]
            steps:
              - id: plan
                uses: probe.list
                with: { count: 3 }
              - id: board
                needs: plan
                for_each: ${{ vars.batches }}
                max-parallel: 4
                if: ${{ item.town != '河口镇' && needs.plan.result == 'success' }}
                uses: core.log
                with: { message: "${{ item.town }} bus ${{ item.bus }}" }
              - id: call
                needs: plan
                for_each: ${{ steps.plan.outputs.items }}
                uses: core.log
                with: { message: "${{ item.town }}" }
              - id: tell
                needs: [board, call]
                if: failure() || cancelled()
                uses: core.log
                with: { message: "${{ steps.board.outputs.message }}" }
            """).isEmpty)
    }

    @Test func itemOutsideAFanOutAndUnknownKeysArePointedAt() {
        #expect(errors("""
            name: bad
            vars:
              batches: [{ town: 城关镇, bus: 1 }]
              towns: [城关镇]
            steps:
              - id: a
                uses: core.log
                with: { message: "${{ item }}" }
              - id: b
                for_each: ${{ vars.batches }}
                uses: core.log
                with: { message: "${{ item.twon }}" }
              - id: c
                for_each: ${{ vars.towns }}
                uses: core.log
                with: { message: "${{ item.town }}" }
            """) == [
                "8:27 'item' is only defined in a step with 'for_each' (step 'a' has none) | add 'for_each:' with the list to go over, or read vars.NAME instead",
                "12:32 no item of 'for_each' has the key 'twon' | did you mean 'town'?",
                "16:32 the items of 'for_each' are text, so 'item' has no key 'town' | write ${{ item }} for the item itself, or make each item a mapping",
            ])
    }

    @Test func theListMustBeAListAndMaxParallelNeedsAFanOut() {
        #expect(errors("""
            name: bad
            vars: { n: 3 }
            steps:
              - id: a
                for_each: ${{ vars.n }}
                uses: core.log
                with: { message: x }
              - id: b
                for_each: 城关镇
                uses: core.log
                with: { message: x }
              - id: c
                max-parallel: 2
                uses: core.log
                with: { message: x }
              - id: d
                for_each: [a]
                max-parallel: 0
                uses: core.log
                with: { message: x }
              - id: e
                for_each: "towns: ${{ vars.n }}"
                uses: core.log
                with: { message: x }
            """) == [
                "5:15 'for_each' needs a list, but vars.n is integer | declare it as a list under 'vars:', e.g. n: [城关镇, 河口镇]",
                "9:15 'for_each' must be a list (or ${{ }} giving one), not the single value '城关镇' | write the items as a YAML list, e.g. for_each: [城关镇, 河口镇], or for_each: ${{ vars.batches }}",
                "13:5 'max-parallel' limits the instances of a 'for_each' step, and this step has none | add 'for_each:' with the list to go over, or remove 'max-parallel'",
                "18:19 'max-parallel' must be a whole number from 1 to 100000, not '0' | how many instances may be in progress at once, e.g. max-parallel: 4",
                "22:16 'for_each' must be one ${{ }} that gives a list, with nothing around it | for example for_each: ${{ vars.batches }}",
            ])
    }

    @Test func statusFunctionsOnlyInIfAndNeedsOnlyOfNeeds() {
        #expect(errors("""
            name: bad
            steps:
              - id: a
                uses: core.log
                with: { message: x }
              - id: b
                uses: core.log
                with: { message: "${{ failure() }}" }
              - id: c
                needs: a
                if: ${{ needs.b.result == 'failure' || sucess() }}
                uses: core.log
                with: { message: x }
              - id: d
                needs: a
                if: ${{ needs.a.outputs.message == 'x' }}
                uses: core.log
                with: { message: x }
            """) == [
                "8:27 'failure()' asks how the step's needs ended, which only 'if:' can ask | move it into the step's 'if:', e.g. if: ${{ failure() }}",
                "11:44 invalid expression: unknown function 'sucess()' | did you mean 'success()'? The functions are success(), failure(), always(), cancelled()",
                "16:13 'needs' is read as needs.<id>.result (success, failure, skipped or cancelled), not 'needs.a.outputs.message' | read outputs as steps.a.outputs.message",
            ])
        #expect(errors("""
            name: bad
            steps:
              - id: a
                uses: core.log
                with: { message: x }
              - id: c
                needs: a
                if: ${{ always() && needs.b.result == 'failure' }}
                uses: core.log
                with: { message: x }
            """) == [
                "8:31 step 'c' does not need 'b', so it cannot read its result | known: 'a'",
            ])
    }
}
