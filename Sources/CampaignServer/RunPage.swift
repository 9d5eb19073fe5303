import Foundation
import PluginKit
import Workflow

/// The run page (`/runs`) for organizers and managers: every campaign, one run's step graph as SVG
/// coloured by state, what each waiting step waits for with a button to signal it (organizers),
/// and the history — refreshed every two seconds. One self-contained page (`Web/run-page.html.mustache`):
/// no files to install, no outside requests; its words come from the catalogue (`RunPageWords`, the
/// states' `StatusWords`). A sign-in link may carry `#token=…&campaign=…`.
enum RunPage {
    static let template = PageTemplate("run-page", PackageResources.run_page_html_mustache)

    static let html: String = {
        let states = Dictionary(uniqueKeysWithValues: StepStatus.allCases.map { ($0.rawValue, StatusWords.word($0).key) })
            .merging(RunStatus.allCases.map { ($0.rawValue, StatusWords.word($0).key) }) { step, _ in step }
        let json = (try? JSONSerialization.data(withJSONObject: states, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) }
        return template.render(["words": StaffPage.words(RunPageWords.all + StatusWords.all), "states": json ?? "{}"])
    }()
}
