import Foundation
import PluginKit
import Workflow

/// The staff page at `/`: the server's shell (`Web/page.html.mustache` and `Web/page.js`: sign-in, the
/// language switch, the answer box) around every plugin's panels, in their order, with the words all
/// of them use given to the page from the catalogue. The server knows no panel: a plugin adds one
/// with its `web:` files. Built once per server.
enum StaffPage {
    static let template = PageTemplate("page", PackageResources.page_html_mustache)
    /// Panels ordered before this stand above the answer box (the scan), the rest below it.
    static let answerBoxOrder = 20

    static func html(plugins: [CampaignPlugin]) -> String {
        let panels = plugins.flatMap { $0.web?.panels ?? [] }.sorted { ($0.order, $0.name) < ($1.order, $1.name) }
        func view(_ panel: PagePanel) -> [String: String] {
            ["name": panel.name, "kinds": (panel.kinds ?? []).map(\.rawValue).sorted().joined(separator: " "),
             "html": panel.html, "script": panel.script]
        }
        return template.render([
            "above": panels.filter { $0.order < answerBoxOrder }.map(view),
            "below": panels.filter { $0.order >= answerBoxOrder }.map(view),
            "panels": panels.map(view),
            "words": words(PageWords.all + panels.flatMap(\.words)),
            "shell": String(decoding: PackageResources.page_js, as: UTF8.self),
        ])
    }

    /// `{"KEY": {"zh": …, "en": …}}` for a script: sorted, and with `</` written `<\/` so no word can
    /// end the script element.
    static func words(_ entries: [MessageText]) -> String {
        let table = Dictionary(entries.map { ($0.key, ["zh": $0.zh, "en": $0.en]) }, uniquingKeysWith: { first, _ in first })
        let data = (try? JSONSerialization.data(withJSONObject: table, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
    }
}
