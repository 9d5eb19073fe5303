import Foundation
import PluginKit
import Tally
import Workflow

/// The province managers' page: each county's last publish and lag above the live report — the
/// county tally's own HTML, of every county added up. Refreshed by the browser once a minute.
enum ProvincePage {
    static func html(_ result: ProvinceTally.Result, lang: Language, token: String) -> String {
        let report = TallyHTML.render(result.report, lang: lang)
        let rows = result.counties.map { county -> String in
            let asOf = result.campaigns.filter { $0.county == county.code }.map(\.asOf).min() ?? county.lastPublishedAt
            let lag = Int(result.report.generatedAt.timeIntervalSince(asOf) / 60)
            return "<tr><td>\(PrintedForm.escape(county.code))</td><td>\(PrintedForm.escape(county.name))</td>"
                + "<td>\(PrintedForm.escape(TimeFormats.display(county.lastPublishedAt, timeZone: result.report.timeZone)))</td>"
                + "<td>\(PrintedForm.escape(TimeFormats.display(asOf, timeZone: result.report.timeZone)))</td><td>\(lag)</td></tr>"
        }
        let query = "?token=" + (token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        let section = """
            <section class="province-counties">
            <h2>\(PrintedForm.escape(ProvinceMessages.pageCounties().text(lang)))</h2>
            <table><thead><tr><th>\(PrintedForm.escape(ProvinceMessages.pageCode().text(lang)))</th><th>\(PrintedForm.escape(ProvinceMessages.pageCounty().text(lang)))</th>\
            <th>\(PrintedForm.escape(ProvinceMessages.pagePublished().text(lang)))</th><th>\(PrintedForm.escape(ProvinceMessages.pageAsOf().text(lang)))</th>\
            <th>\(PrintedForm.escape(ProvinceMessages.pageLag().text(lang)))</th></tr></thead>
            <tbody>\(rows.joined())</tbody></table>
            <p><a href="/tally.xlsx\(query)">XLSX</a> · <a href="/tally.json\(query)">JSON</a></p>
            </section>
            """
        let refreshed = report.replacingOccurrences(of: "<head>", with: "<head><meta http-equiv=\"refresh\" content=\"60\">")
        guard let body = refreshed.range(of: "<body[^>]*>", options: .regularExpression) else { return section + refreshed }
        return refreshed.replacingCharacters(in: body, with: refreshed[body] + section)
    }
}
