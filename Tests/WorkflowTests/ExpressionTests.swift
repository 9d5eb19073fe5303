import Testing
import Workflow

@Suite struct ExpressionTests {
    let scope = ExpressionScope(vars: ["n": .int(3), "place": .string("城关镇"), "flag": .bool(false), "count": .string("12")],
                                stepOutputs: ["gate": ["ended_by": .string("signal"), "people": .int(250)]])

    func eval(_ text: String) throws -> Value {
        try ExpressionParser.parse(text).evaluate(in: scope)
    }

    @Test func comparisonsAndLogic() throws {
        #expect(try eval("vars.n == 3") == .bool(true))
        #expect(try eval("vars.n >= 4 || vars.place == '城关镇'") == .bool(true))
        #expect(try eval("!vars.flag && steps.gate.outputs.people > 200") == .bool(true))
        #expect(try eval("(vars.n < 2 || vars.n > 2) && !(vars.flag)") == .bool(true))
        #expect(try eval("steps.gate.outputs.ended_by != 'SIGNAL'") == .bool(false))  // case-insensitive like Actions
        #expect(try eval("vars.count > 9") == .bool(true))  // numeric text compares as a number
        #expect(try eval("vars.missing == null") == .bool(true))
    }

    @Test func logicalOperatorsReturnOperands() throws {
        #expect(try eval("vars.flag || 'fallback'") == .string("fallback"))
        #expect(try eval("vars.n && vars.place") == .string("城关镇"))
    }

    @Test func templatesInterpolateAndKeepTypes() throws {
        let single = try Template.parse("${{ steps.gate.outputs.people }}")
        #expect(single.evaluate(in: scope) == .int(250))
        let mixed = try Template.parse("Fair in ${{ vars.place }}: ${{ vars.n }} gates")
        #expect(mixed.evaluate(in: scope) == .string("Fair in 城关镇: 3 gates"))
    }

    @Test func errorsCarryOffsets() {
        #expect(throws: ExpressionError(message: "'=' is not an operator", offset: 7, hint: "compare with '=='")) {
            try ExpressionParser.parse("vars.a = 1")
        }
        #expect(throws: ExpressionError.self) { try ExpressionParser.parse("'unclosed") }
        do {
            _ = try Template.parse("x ${{ vars.a ")
            Issue.record("an unclosed ${{ must not parse")
        } catch {
            #expect(error.offset == 2)
        }
    }

    @Test func statusFunctionsParseAndEvaluateAgainstTheNeeds() throws {
        let expression = try ExpressionParser.parse("failure() && needs.import.result == 'failure' || cancelled()")
        #expect(expression.statusFunctions.map(\.function) == [.failure, .cancelled])
        var scope = ExpressionScope(vars: [:])
        #expect(expression.evaluate(in: scope) == .bool(false))  // nothing ended: no failure
        scope.needs = NeedsStatus(results: ["import": "failure"], upstreamFailed: true, runCancelled: false)
        #expect(expression.evaluate(in: scope).isTruthy)
        #expect(throws: ExpressionError(message: "'always()' takes nothing between its parentheses", offset: 7,
                                        hint: "write always()")) {
            try ExpressionParser.parse("always(1)")
        }
        #expect(throws: ExpressionError(message: "unknown function 'contains()'", offset: 0,
                                        hint: "the functions are success(), failure(), always(), cancelled()")) {
            try ExpressionParser.parse("contains('a')")
        }
    }
}

