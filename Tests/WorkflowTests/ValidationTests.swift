import Testing
import Workflow

/// Validation reports every error class at its exact line:col, with a useful hint.
@Suite struct ValidationTests {
    let validator = Validator(registry: PluginRegistry([CorePlugin.plugin, probePlugin()]))

    func diagnostics(_ yaml: String) -> [Diagnostic] {
        validator.check(file: SourceFile(path: "c.yaml", text: yaml)).1
    }

    /// "line:col message" of every error, for compact assertions.
    func errors(_ yaml: String) -> [String] {
        diagnostics(yaml).filter { $0.severity == .error }
            .map { "\($0.location.line):\($0.location.column) \($0.message)" }
    }

    @Test func validDefinitionHasNoDiagnostics() {
        let yaml = """
            name: ok
            vars:
              n: 3
            steps:
              - id: a
                uses: core.log
                with:
                  message: "n is ${{ vars.n }}"
              - id: b
                needs: a
                if: ${{ steps.a.outputs.message != '' && vars.n >= 2 }}
                uses: core.log
                with: { message: done }
            """
        #expect(errors(yaml).isEmpty)
    }

    @Test func yamlSyntaxErrorIsLocated() {
        let yaml = "name: x\nsteps:\n  - id: a\n    uses: core.log\n   with: {message: hi}\n"
        let found = errors(yaml)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("5:4 YAML syntax") == true)
    }

    /// An unclosed quote or bracket is reported where it was opened, not where the file ends.
    @Test func anUnclosedQuoteIsReportedWhereItOpens() {
        let quote = "name: x\nsteps:\n  - id: a\n    uses: core.log\n    with: { message: \"unclosed }\n  - id: b\n    uses: core.log\n"
        let found = errors(quote)
        #expect(found.first?.hasPrefix("5:22 YAML syntax") == true, "\(found)")
        #expect(found.first?.contains("begun here, is not closed") == true, "\(found)")
        let bracket = "name: x\nsteps: [\n  { id: a, uses: core.log }\n"
        #expect(errors(bracket).first?.hasPrefix("2:8 YAML syntax") == true, "\(errors(bracket))")
    }

    /// Definitions saved on Windows (CR LF) or by an old Mac editor (CR) show the line the parser
    /// means: CR LF is one `Character` in Swift, so splitting on "\n" alone found one long line.
    @Test func windowsAndOldMacLineEndingsShowTheRightLine() {
        for ending in ["\r\n", "\r"] {
            let yaml = ["name: x", "steps:", "  - id: a", "    uses: core.lgo", "    with: {message: hi}", ""]
                .joined(separator: ending)
            let file = SourceFile(path: "c.yaml", text: yaml)
            #expect(file.lines.count == 6)
            #expect(file.line(4) == "    uses: core.lgo")
            let found = validator.check(file: file).1.filter { $0.severity == .error }
            #expect(found.map { "\($0.location.line):\($0.location.column)" } == ["4:16"])
            let shown = found.first?.rendered(in: file) ?? ""
            #expect(shown.contains("\n        uses: core.lgo\n"), "\(shown)")
            #expect(!shown.contains("with:"))
        }
    }

    @Test func duplicateYamlKeyPointsAtTheSecond() {
        #expect(errors("name: x\nname: y\nsteps: []\n").first?.hasPrefix("2:1 key 'name' appears twice") == true)
    }

    @Test func unknownKeysSuggestTheRightOne() {
        let yaml = """
            name: x
            stpes: []
            steps:
              - id: a
                uses: core.log
                timeot: 5m
                with: { message: hi }
            """
        let found = diagnostics(yaml)
        #expect(found.map { "\($0.location.line):\($0.location.column)" } == ["2:1", "6:5"])
        #expect(found[0].hint == "did you mean 'steps'?")
        #expect(found[1].hint == "did you mean 'timeout'?")
    }

    @Test func missingKeysAreReported() {
        let yaml = """
            title: no name
            steps:
              - uses: core.log
                with: { message: hi }
              - id: b
            """
        #expect(errors(yaml) == [
            "1:1 missing key 'name' (the campaign's unique short name)",
            "3:5 step is missing 'id'",
            "5:5 step 'b' is missing 'uses' (the plugin action it runs)",
        ])
    }

    @Test func duplicateStepIds() {
        let yaml = """
            name: x
            steps:
              - id: a
                uses: core.log
                with: { message: hi }
              - id: a
                uses: core.log
                with: { message: hi }
            """
        #expect(errors(yaml) == ["6:9 duplicate step id 'a' (first used at line 3)"])
    }

    @Test func needsUnknownStepSuggestsOne() {
        let yaml = """
            name: x
            steps:
              - id: import-people
                uses: core.log
                with: { message: hi }
              - id: b
                needs: [import-poeple]
                uses: core.log
                with: { message: hi }
            """
        let found = diagnostics(yaml)
        #expect(found.count == 1)
        #expect("\(found[0].location.line):\(found[0].location.column)" == "7:13")
        #expect(found[0].hint == "did you mean 'import-people'?")
    }

    @Test func cycleIsPrintedAsAPath() {
        let yaml = """
            name: x
            steps:
              - id: a
                needs: c
                uses: core.log
                with: { message: hi }
              - id: b
                needs: a
                uses: core.log
                with: { message: hi }
              - id: c
                needs: b
                uses: core.log
                with: { message: hi }
            """
        let found = errors(yaml)
        #expect(found.count == 1)
        #expect(found.first?.contains("cycle: ") == true)
        #expect(found.first?.contains("a -> c -> b -> a") == true
                || found.first?.contains("c -> b -> a -> c") == true
                || found.first?.contains("b -> a -> c -> b") == true)
    }

    @Test func unknownPluginAndActionSuggestNames() {
        let yaml = """
            name: x
            steps:
              - id: a
                uses: core.lgo
                with: { message: hi }
              - id: b
                uses: croe.log
                with: { message: hi }
              - id: c
                uses: justaname
            """
        let found = diagnostics(yaml)
        #expect(found.map { "\($0.location.line):\($0.location.column)" } == ["4:16", "7:11", "10:11"])
        #expect(found[0].message == "plugin 'core' has no action 'lgo'")
        #expect(found[0].hint == "did you mean 'core.log'?")
        #expect(found[1].message == "unknown plugin 'croe'")
        #expect(found[1].hint == "did you mean 'core.log'?")
        #expect(found[2].message.contains("plugin.action"))
    }

    @Test func parametersAreCheckedAgainstTheSchema() {
        let yaml = """
            name: x
            steps:
              - id: a
                uses: core.log
                with:
                  mesage: hi
              - id: b
                uses: probe.work
                with:
                  ms: soon
              - id: c
                uses: core.wait
                with:
                  until: next tuesday
              - id: d
                uses: core.wait
                with:
                  prompt: forever
            """
        let found = diagnostics(yaml)
        #expect(found.map { "\($0.location.line):\($0.location.column)" } == ["4:11", "6:7", "10:11", "14:14", "16:11"])
        #expect(found[0].message.hasPrefix("'core.log' needs parameter 'message'"))
        #expect(found[1].message == "'core.log' has no parameter 'mesage'")
        #expect(found[1].hint == "did you mean 'message'?")
        #expect(found[2].message == "parameter 'ms' must be an integer, not text 'soon'")
        #expect(found[3].message.hasPrefix("parameter 'until' 'next tuesday' is not a date and time"))
        #expect(found[4].message == "core.wait would wait forever")
    }

    @Test func expressionSyntaxErrorsPointIntoTheExpression() {
        let yaml = """
            name: x
            vars: { a: 1 }
            steps:
              - id: a
                uses: core.log
                with:
                  message: "value ${{ vars.a = 2 }}"
              - id: b
                if: vars.a >
                uses: core.log
                with: { message: hi }
            """
        let found = diagnostics(yaml)
        #expect(found.map { "\($0.location.line):\($0.location.column)" } == ["7:34", "9:17"])
        #expect(found[0].message == "invalid expression: '=' is not an operator")
        #expect(found[0].hint == "compare with '=='")
        #expect(found[1].message == "invalid expression: the expression ends too early")
    }

    @Test func referencesMustBeDeclaredAndUpstream() {
        let yaml = """
            name: x
            vars: { township: 城关镇 }
            steps:
              - id: a
                uses: core.log
                with: { message: "${{ vars.townsihp }}" }
              - id: b
                uses: core.log
                with: { message: "${{ steps.a.outputs.message }}" }
              - id: c
                needs: a
                uses: core.log
                with: { message: "${{ steps.a.outputs.mesage }} ${{ steps.zz.outputs.x }} ${{ env.HOME }}" }
            """
        let found = diagnostics(yaml)
        #expect(found.map { "\($0.location.line):\($0.location.column)" }
                == ["6:32", "9:33", "13:43", "13:63", "13:83"])
        #expect(found[0].message == "unknown variable 'townsihp'")
        #expect(found[0].hint == "did you mean 'township'?")
        #expect(found[1].message.contains("not upstream"))
        #expect(found[1].hint == "add 'a' to this step's 'needs'")
        #expect(found[2].message == "'core.log' (step 'a') has no output 'mesage'")
        #expect(found[3].message == "no step has the id 'zz'")
        #expect(found[4].message == "unknown name 'env' in expression")
    }

    @Test func textOutsideTheExpressionInIfIsRejected() {
        let yaml = """
            name: x
            vars: { walk_ins: false }
            steps:
              - id: a
                if: ${{ vars.walk_ins }} == true
                uses: core.log
                with: { message: hi }
            """
        let found = diagnostics(yaml)
        #expect(found.count == 1)
        #expect("\(found[0].location.line):\(found[0].location.column)" == "5:9")
        #expect(found[0].message.contains("always true"))
    }

    @Test func everyErrorIsReportedAtOnce() {
        let yaml = """
            name: x
            kind: jobfair
            steps:
              - id: a
                uses: core.lgo
              - id: a
                needs: ghost
                uses: core.log
                with: { message: "${{ vars.nope }}" }
            """
        #expect(errors(yaml).count == 5)
    }

    @Test func renderingPutsTheCaretUnderChineseText() {
        let yaml = "name: x\nvars: { 镇: 城关镇 }\nsteps:\n  - id: a\n    uses: core.log\n    with: { message: \"城关 ${{ vars.村 }}\" }\n"
        let file = SourceFile(path: "c.yaml", text: yaml)
        let found = validator.check(file: file).1
        #expect(found.count == 1)
        let rendered = found[0].rendered(in: file)
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "c.yaml:6:35: error: unknown variable '村'")
        // "城关 " is five columns wide on a terminal; the caret sits under 村 in the source line.
        let source = String(lines[1]), caret = String(lines[2])
        let caretColumn = caret.firstIndex(of: "^").map { caret.distance(from: caret.startIndex, to: $0) } ?? -1
        let prefix = source.prefix { $0 != "村" }
        #expect(caretColumn == String(prefix).terminalWidth)
    }
}
