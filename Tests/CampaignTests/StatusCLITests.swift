import Foundation
import Testing
import WorkflowTesting

/// `campaign status` of a finished fair on an 100-column terminal: every output whole (a long one
/// wraps in the detail column, nothing is cut), and a job fair's tally step lists the measures of a
/// job fair only — no bus or livestream outputs.
@Suite struct StatusCLITests {
    @Test(.timeLimit(.minutes(5)))
    func statusShowsWholeOutputsOfTheStepsOwnKind() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let reports = dir.url.appendingPathComponent("a-rather-long-folder-name-for-the-county-reports").path
        #expect(try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(reports)",
                            env: ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]).status == 0)
        #expect(try cli.run("signal", "spring-fair-2026", "gate", env: ["CAMPAIGN_NOW": "2026-03-01T17:00:00+08:00"]).status == 0)
        #expect(try cli.run("resume", "spring-fair-2026", env: ["CAMPAIGN_NOW": "2026-04-01T09:00:00+08:00"]).status == 0)

        let status = try cli.run("status", "spring-fair-2026", env: ["COLUMNS": "100"])
        #expect(status.status == 0, "\(status.stderr)")
        let lines = status.stdout.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.terminalWidth <= 100 }, "\(lines.filter { $0.terminalWidth > 100 })")
        // The tally step's lines, continuation lines joined back: both files whole.
        let start = try #require(lines.firstIndex { $0.contains("✓ tally") })
        var tally = lines[start]
        for line in lines[(start + 1)...] {
            guard line.hasPrefix("      ") else { break }
            tally += " " + line.trimmingCharacters(in: .whitespaces)
        }
        let joined = tally.replacingOccurrences(of: " ", with: "")   // a path wrapped mid-way, put back
        #expect(joined.contains("files=\(reports)/spring-fair-2026.xlsx,\(reports)/spring-fair-2026.html"), "\(tally)")
        #expect(tally.contains("registered=299") && tally.contains("placed=0"), "\(tally)")
        for foreign in ["boarded=", "leads_matched=", "trained=", "monitored_workers="] {
            #expect(!tally.contains(foreign), "a job fair's tally lists \(foreign): \(tally)")
        }
    }
}
