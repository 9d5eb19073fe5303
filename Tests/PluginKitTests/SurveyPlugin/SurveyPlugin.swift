import Ledger
import PluginKit
import Workflow

/// The smallest real plugin, written the way docs/writing-a-plugin.md says: a satisfaction
/// survey of the job seekers after a fair (满意度调查). It has a table of its own, a step, a list
/// `campaign import surveys` reads, a command, a route and a part of the tally — every way a plugin
/// reaches people — and in BuiltinPlugins it would be one line. `WritingAPluginTests` uses it.
enum SurveyPlugin {
    static let plugin = CampaignPlugin(
        Plugin(name: "survey", summary: "Satisfaction surveys of job seekers after a fair (满意度调查).",
               actions: [OpenSurveyAction()], migrations: SurveySchema.migrations,
               // Its table points at the ledger's people: the ledger's tables come first.
               dependencies: ["ledger"]),
        title: "surveys (满意度调查)",
        commands: [SurveyCommand.self],
        importKinds: [.surveys],
        routes: SurveyRoutes.routes,
        // Its panel of the staff page and its routes' description, files in its Web/ folder.
        web: WebSurface(panels: [
            PagePanel(name: "survey", html: PackageResources.survey_html, script: PackageResources.survey_js,
                      words: SurveyPageWords.all, order: 70),
        ], openAPI: PackageResources.openapi_json),
        tallySection: SurveySection(),
        messages: SurveyMessages.all
    )
}

enum SurveySchema {
    static let migrations = [
        Migration("survey-v1") { db in
            try db.execute(sql: """
                CREATE TABLE survey_answer (
                    campaign TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    score INTEGER NOT NULL,              -- 1 (very unsatisfied) to 5 (very satisfied)
                    PRIMARY KEY (campaign, person_id)
                ) WITHOUT ROWID
                """)
        },
    ]
}
