import ArgumentParser
import Foundation
import PluginKit
import Workflow

/// `campaign survey --campaign NAME`: the survey's results in one line.
struct SurveyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "survey",
                                                    abstract: "Show a campaign's survey results.")

    @Option(help: "The campaign.") var campaign: String
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let results = try await workspace.openExisting().pool.read { db in
                _ = try RunQueries.requireRun(db, campaign)
                return try SurveyResults.of(db, campaign)
            }
            Terminal.standard.line(String(format: "%d answers, average %.1f of 5", results.answers, results.average))
        }
    }
}
