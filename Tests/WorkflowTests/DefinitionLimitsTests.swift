import Foundation
import Testing
import Workflow

/// Numbers, nesting and sizes no campaign needs are refused at validation, at their line and
/// column — none of them can crash `validate`, or pass it and crash `start` later.
@Suite struct DefinitionLimitsTests {
    let validator = Validator(registry: PluginRegistry([CorePlugin.plugin]))

    func errors(_ yaml: String) -> [String] {
        validator.check(file: SourceFile(path: "c.yaml", text: yaml)).1.filter { $0.severity == .error }
            .map { "\($0.location.line):\($0.location.column) \($0.message)" }
    }

    func step(_ lines: String, uses: String = "core.log", with: String = "{ message: hi }") -> String {
        "name: t\nsteps:\n  - id: a\n    uses: \(uses)\n\(lines)    with: \(with)\n"
    }

    @Test func hugeDurationsAndCountsAreRefusedWhereTheyAre() {
        #expect(errors(step("    timeout: inf\n"))
                == ["5:14 'timeout': 'inf' is longer than ten years (3650d), the longest a campaign may wait"])
        #expect(errors(step("    timeout: 1e30\n"))
                == ["5:14 'timeout': '1e30' is longer than ten years (3650d), the longest a campaign may wait"])
        #expect(errors(step("    timeout: 400d\n")) == ["5:14 'timeout' is 400d, longer than a year (365d)"])
        #expect(errors(step("    retry: { backoff: 1e21 }\n"))
                == ["5:23 'backoff': '1e21' is longer than ten years (3650d), the longest a campaign may wait"])
        #expect(errors(step("    retry: { backoff: 2d }\n")) == ["5:23 'backoff' is 2d, longer than a day (1d)"])
        #expect(errors(step("    retry: 1000\n"))
                == ["5:12 'retry' must be a number of attempts (1 to 100) or a mapping with 'attempts', 'backoff' and 'factor'"])
        #expect(errors(step("    retry: { attempts: 3, factor: 1e300 }\n"))
                == ["5:35 'factor' must be a number from 1 to 10 (2 doubles the wait each time)"])
        #expect(errors(step("", uses: "core.fail", with: "{ message: hi, times: 1e21 }"))
                == ["5:33 parameter 'times' must be an integer, not number"])
        #expect(errors(step("", uses: "core.wait", with: "{ for: 100000000000000000000s }"))
                == ["5:18 parameter 'for' '100000000000000000000s' is longer than ten years (3650d), the longest a "
                    + "campaign may wait"])
        #expect(errors(step("", uses: "core.wait", with: "{ until: '20260-03-01 08:00' }"))
                == ["5:20 parameter 'until' '20260-03-01 08:00' is not a date and time from 2000 to 2099; write it like "
                    + "2026-03-01 08:00"])
    }

    @Test func theLongestWaitsStillWorkOutWithoutOverflow() {
        let policy = RetryPolicy(attempts: 100, backoff: .seconds(86400), factor: 10, maxBackoff: .seconds(86400))
        #expect(policy.delay(afterAttempt: 99) == .seconds(86400))
        #expect(RetryPolicy(attempts: 100, backoff: .zero, factor: 10, maxBackoff: .seconds(60)).delay(afterAttempt: 99)
                == .zero)
        #expect(TimeFormats.duration("3650d") == .seconds(3650 * 86400))
        #expect(TimeFormats.duration("3651d") == nil)
        #expect(TimeFormats.duration("nan") == nil)
    }

    @Test func deepExpressionsAreRefusedNotRecursedInto() {
        let deep = String(repeating: "(", count: 65) + "true" + String(repeating: ")", count: 65)
        #expect(errors(step("    if: \(deep)\n")).first?.hasSuffix("the expression nests more than 64 levels deep") == true)
        let nots = String(repeating: "!", count: 200) + "true"
        #expect(errors(step("    if: \"\(nots)\"\n")).first?.hasSuffix("the expression nests more than 64 levels deep") == true)
        let long = Array(repeating: "vars.x == 1", count: 500).joined(separator: " && ")
        #expect(errors(step("    if: \(long)\n")).first?.hasSuffix("the expression is longer than 4096 characters") == true)
        let fine = String(repeating: "(", count: 30) + "true" + String(repeating: ")", count: 30)
        #expect(errors(step("    if: \(fine)\n")).isEmpty)
    }

    @Test func aliasBombsAndDeepNestingAreRefusedQuickly() {
        var bomb = step("")
        bomb += "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 { bomb += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        // 10^10 values if expanded (no machine would finish): the refusal coming back at all, with these
        // words, is the proof it was counted, not expanded — no clock needed.
        let found = errors(bomb)
        #expect(found.contains { $0.hasSuffix("the file expands to more than 100000 values: YAML aliases (*name) repeat what "
                                              + "an anchor (&name) holds, and these repeat each other") })
        let nested = "name: t\nsteps: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(errors(nested).first?.contains("YAML syntax: Maximum nesting level reached") == true)
        let huge = "name: t\nsteps: []\n# " + String(repeating: "x", count: 1 << 20) + "\n"
        #expect(errors(huge) == ["1:1 the file is larger than 1 MiB; a campaign definition is a few KiB"])
    }
}
