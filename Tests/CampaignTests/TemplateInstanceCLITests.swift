import Foundation
import Testing
import WorkflowTesting

/// A fair made from a template by a small instance file, as a county keeps a year of fairs: its
/// variables built from inputs are filled in (the report reads the venue, not `${{ inputs.venue }}`),
/// its reports land beside the instance file (not in the shared template's folder), and the paths it
/// prints are normalised (no `templates/../`).
@Suite struct TemplateInstanceCLITests {
    @Test(.timeLimit(.minutes(5)))
    func anInstanceReadsItsVenueAndWritesItsReportsBesideItself() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let workflows = dir.url.appendingPathComponent("workflows")
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("workflows"), to: workflows)
        try? FileManager.default.removeItem(at: workflows.appendingPathComponent("reports"))
        // The sample fair as a template: its name and venue from inputs.
        let sample = try String(contentsOf: workflows.appendingPathComponent("spring-fair.yaml"), encoding: .utf8)
        let template = sample
            .replacingOccurrences(of: "name: spring-fair-2026\n", with: """
                name: fair-${{ inputs.township }}
                inputs:
                  township: { type: text, required: true }
                  venue: { type: text, default: 县人力资源市场 }

                """)
            .replacingOccurrences(of: "  venue: 县人力资源市场\n", with: "  venue: ${{ inputs.venue }}\n")
        #expect(template != sample && template.contains("venue: ${{ inputs.venue }}"))
        try template.write(to: workflows.appendingPathComponent("fair-template.yaml"), atomically: true, encoding: .utf8)
        let instance = try dir.write("fairs/hekou.yaml", """
            uses: ../workflows/fair-template.yaml
            with:
              township: hekou
              venue: 河口镇文化广场

            """)

        let started = try cli.run("start", instance, env: ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(!started.stdout.contains("/../") && !started.stderr.contains("/../"), "\(started.stdout)")
        // The booth map (written before the gate) beside the instance, none in the template's folder.
        let besides = dir.url.appendingPathComponent("fairs/reports/spring-fair-2026-booths.html").path
        #expect(FileManager.default.fileExists(atPath: besides), "\(started.stdout)")
        #expect(!FileManager.default.fileExists(atPath: workflows.appendingPathComponent("reports").path))

        // The report reads the venue the instance gave.
        let tally = try cli.run("tally", "fair-hekou", env: ["CAMPAIGN_NOW": "2026-03-01T12:00:00+08:00"])
        #expect(tally.status == 0, "\(tally.stderr)")
        #expect(tally.stdout.contains("（2026-03-01，河口镇文化广场）"), "\(tally.stdout)")
        #expect(!tally.stdout.contains("inputs."))

        // Resumed a month on (a new process reads the run's stored definition): the tally step's report
        // beside the instance too, reading the venue; still nothing in the template's folder.
        #expect(try cli.run("signal", "fair-hekou", "gate", env: ["CAMPAIGN_NOW": "2026-03-01T17:00:00+08:00"]).status == 0)
        let resumed = try cli.run("resume", "fair-hekou", env: ["CAMPAIGN_NOW": "2026-04-01T09:00:00+08:00"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let html = try String(contentsOf: dir.url.appendingPathComponent("fairs/reports/spring-fair-2026.html"), encoding: .utf8)
        #expect(html.contains("河口镇文化广场") && !html.contains("inputs."))
        #expect(!FileManager.default.fileExists(atPath: workflows.appendingPathComponent("reports").path))
        #expect(!resumed.stdout.contains("/../"), "\(resumed.stdout)")
    }
}
