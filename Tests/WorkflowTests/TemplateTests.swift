import Foundation
import Testing
import Workflow
import WorkflowTesting

/// A county holding 16 fairs a year writes one template with typed inputs and makes each fair from
/// it — by `--input` or by a small file that `uses:` it — with errors at both files' positions.
@Suite struct TemplateTests {
    static let template = """
        name: fair-${{ inputs.township }}-${{ inputs.date }}
        title: ${{ inputs.township }}春风行动招聘会
        date: ${{ inputs.date }}
        inputs:
          date: { type: date, required: true, doc: 招聘会日期 }
          township: { type: text, default: 城关镇 }
          booths: { type: integer, default: 40 }
        steps:
          - id: announce
            uses: core.log
            with: { message: "${{ inputs.township }}: ${{ inputs.booths }} booths" }

        """

    let validator = Validator(registry: PluginRegistry([CorePlugin.plugin]))

    func errors(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.severity == .error }.map {
            "\(URL(fileURLWithPath: $0.location.file).lastPathComponent):\($0.location.line):\($0.location.column) \($0.message)"
        }
    }

    @Test func aCampaignMadeFromTheTemplateByInputsAndByAnInstanceFile() async throws {
        let h = try EngineHarness(plugins: [CorePlugin.plugin])
        let templatePath = try h.directory.write("fair.yaml", Self.template)
        let written = try validator.validate(file: try SourceFile.read(path: templatePath), inputs: ["date": "2026-04-01"])
        #expect(written.definition.name == "fair-城关镇-2026-04-01")
        #expect(written.definition.title == "城关镇春风行动招聘会")
        #expect(written.definition.heldOn == "2026-04-01")
        #expect(written.definition.inputValues == ["date": .string("2026-04-01"), "township": .string("城关镇"),
                                                   "booths": .int(40)])

        let instance = try h.directory.write("march.yaml", "uses: fair.yaml\nwith:\n  date: 2026-03-02\n  township: 河口镇\n")
        let made = try validator.validate(path: instance)
        #expect(made.definition.name == "fair-河口镇-2026-03-02")
        let engine = h.engine()
        let run = try await engine.start(made)
        #expect(run.run.status == .completed)
        #expect(run.steps.first?.outputs["message"] == .string("河口镇: 40 booths"))
        #expect(run.run.heldOn == "2026-03-02")
        // The run keeps its inputs: reloaded from its snapshot, it is the same campaign.
        let again = try await engine.resume(campaign: "fair-河口镇-2026-03-02")
        #expect(again.definition.name == "fair-河口镇-2026-03-02")
        #expect(again.definition.inputValues["township"] == .string("河口镇"))
    }

    /// `vars: { venue: ${{ inputs.venue }} }`: filled in when the campaign is made, so a report's subtitle
    /// reads the venue, never the template's syntax; a variable reading anything but inputs is refused.
    @Test func aVariableBuiltFromInputsIsFilledInWhenTheCampaignIsMade() async throws {
        let h = try EngineHarness(plugins: [CorePlugin.plugin])
        let templatePath = try h.directory.write("fair.yaml", """
            name: fair-${{ inputs.date }}
            inputs:
              date: { type: date, required: true }
              venue: { type: text, default: 县人力资源市场 }
            vars:
              venue: ${{ inputs.venue }}
              banner: "${{ inputs.venue }}，${{ inputs.date }}"
              county: 示范县
            steps:
              - id: announce
                uses: core.log
                with: { message: "${{ vars.banner }}" }

            """)
        let made = try validator.validate(file: try SourceFile.read(path: templatePath),
                                          inputs: ["date": "2026-04-01", "venue": "河口镇文化广场"])
        let vars = Dictionary(uniqueKeysWithValues: made.definition.vars.map { ($0.name, $0.value) })
        #expect(vars["venue"] == .string("河口镇文化广场"))
        #expect(vars["banner"] == .string("河口镇文化广场，2026-04-01"))
        #expect(vars["county"] == .string("示范县"))
        let run = try await h.engine().start(made)
        #expect(run.steps.first?.outputs["message"] == .string("河口镇文化广场，2026-04-01"))

        let dir = try TemporaryDirectory()
        let reading = try dir.write("steps.yaml", """
            name: fair-${{ inputs.date }}
            inputs:
              date: { type: date, required: true }
            vars:
              venue: ${{ steps.announce.outputs.message }}
            steps:
              - id: announce
                uses: core.log
                with: { message: hi }

            """)
        let (_, refused) = validator.check(file: try SourceFile.read(path: reading))
        #expect(errors(refused) == ["steps.yaml:5:14 'vars.venue' can only read inputs (inputs.NAME), not 'steps.announce.outputs.message'"],
                "\(errors(refused))")
        #expect(refused.first?.hint?.contains("a variable is fixed when the campaign is made, from inputs only") == true)
        let plain = try dir.write("plain.yaml", """
            name: plain
            vars:
              venue: ${{ inputs.venue }}
            steps:
              - id: announce
                uses: core.log
                with: { message: hi }

            """)
        let (_, outside) = validator.check(file: try SourceFile.read(path: plain))
        #expect(errors(outside) == ["plain.yaml:3:10 'vars.venue' uses ${{ }}, which only a template can: declare the values it reads under 'inputs:'"])
    }

    @Test func badValuesPointAtTheInstanceAndNameTheTemplatesDeclaration() throws {
        let dir = try TemporaryDirectory()
        let templatePath = try dir.write("fair.yaml", Self.template)
        let instance = try dir.write("bad.yaml", "uses: fair.yaml\nwith:\n  date: March\n  bothes: 3\n  booths: many\n")
        let (made, diagnostics) = validator.check(file: try SourceFile.read(path: instance))
        #expect(made == nil)
        #expect(errors(diagnostics) == [
            "bad.yaml:3:9 input 'date' must be a day such as 2026-03-01, not 'March' (declared at \(templatePath):5:3)",
            "bad.yaml:4:11 the template \(templatePath) has no input 'bothes'",
            "bad.yaml:5:11 input 'booths' must be an integer, not text 'many' (declared at \(templatePath):7:3)",
        ])
        let missing = try dir.write("none.yaml", "uses: fair.yaml\n")
        #expect(errors(validator.check(file: try SourceFile.read(path: missing)).1)
                == ["none.yaml:1:7 input 'date' is required (declared at \(templatePath):5:3)"])
        // From the command line: a usage error that lists the inputs.
        let error = #expect(throws: WorkflowError.self) { try validator.validate(path: templatePath) }
        #expect(error?.code == .usage)
        #expect(error?.message == "\(templatePath) is a template: input 'date' is required (declared at \(templatePath):5:3)")
        #expect(error?.hint?.contains("date (date, required): 招聘会日期; township (text, default 城关镇)") == true)
    }

    @Test func errorsInTheTemplateKeepTheTemplatesPositionsAndLines() throws {
        let dir = try TemporaryDirectory()
        _ = try dir.write("broken.yaml", """
            name: fair-${{ vars.township }}
            inputs:
              date: { type: day }
            steps:
              - id: announce
                uses: core.log
                with: { message: "${{ inputs.dat }}" }
            """)
        let instance = try dir.write("use.yaml", "uses: broken.yaml\nwith: { date: 2026-03-01 }\n")
        let (_, diagnostics) = validator.check(file: try SourceFile.read(path: instance))
        #expect(Set(errors(diagnostics)) == [
            "broken.yaml:1:16 'name' can only read inputs (inputs.NAME), not 'vars.township'",
            "broken.yaml:3:17 unknown input type 'day'",
            "broken.yaml:7:34 unknown input 'dat'",
            "use.yaml:1:7 the template 'broken.yaml' has 3 error(s), listed with their place in it",
        ])
        // Shown below the instance's own lines, each with the template's line under it.
        let shown = diagnostics.first { $0.message == "unknown input 'dat'" }?.rendered(in: try SourceFile.read(path: instance))
        #expect(shown?.contains(#"    with: { message: "${{ inputs.dat }}" }"#) == true, "\(shown ?? "")")
    }

    @Test func placeholdersNeedInputsAndInputsNeedATemplate() throws {
        let dir = try TemporaryDirectory()
        let plain = try dir.write("plain.yaml", "name: fair-${{ inputs.date }}\nsteps:\n  - id: a\n    uses: core.log\n    with: { message: x }\n")
        #expect(errors(validator.check(file: try SourceFile.read(path: plain)).1).first
                == "plain.yaml:1:7 'name' uses ${{ }}, which only a template can: declare the values it reads under 'inputs:'")
        let campaign = try dir.write("c.yaml", "name: c\nsteps:\n  - id: a\n    uses: core.log\n    with: { message: x }\n")
        let error = #expect(throws: WorkflowError.self) { try validator.validate(path: campaign, inputs: ["date": "x"]) }
        #expect(error?.message == "--input date: \(campaign) is not a template (it declares no 'inputs:')")
        let notTemplate = try dir.write("u.yaml", "uses: c.yaml\n")
        #expect(errors(validator.check(file: try SourceFile.read(path: notTemplate)).1)
                == ["u.yaml:1:7 'c.yaml' is a campaign, not a template (it declares no 'inputs:')"])
    }
}
