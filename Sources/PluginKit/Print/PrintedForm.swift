import Foundation
import Workflow

/// A report form laid out for paper, shared by every printed report (the tally, the manifests, the
/// payment list…): the page rules that put the report's title at the top of every page and "第 N 页，
/// 共 M 页" at its foot (CSS page-margin boxes, which Chromium prints), the title block and the
/// signature lines — markup this code makes from escaped words, for a template's `{{{…}}}`.
public struct PrintedForm: Sendable {
    public let title: String
    public let form: ReportForm
    public let lang: Language

    public init(title: String, form: ReportForm, lang: Language) {
        self.title = title
        self.form = form
        self.lang = lang
    }

    /// The `@page` rules: the title in every page's top margin, the page's number of all in its bottom one.
    public var pageRules: String {
        let margin = "font-family: \"Noto Sans CJK SC\", \"WenQuanYi Zen Hei\", sans-serif; font-size: 8pt; color: #5b6776;"
        return "@page { @top-center { content: \(Self.cssString(title)); \(margin) } "
            + "@bottom-right { content: \(Self.counters(ReportFormWords.pageOf.template(lang))); \(margin) } }"
    }

    /// The block over the report: the form's identity at the right, then 填报单位, the period and the unit.
    public func head(period: String, measuredIn: String?) -> String {
        let identity = form.identity(lang).map { "<div>\(Self.pair($0.label, $0.value, lang))</div>" }.joined()
        let heading = form.heading(lang, period: period, measuredIn: measuredIn)
            .map { "<span>\(Self.pair($0.label, $0.value, lang))</span>" }.joined()
        return (identity.isEmpty ? "" : "<div class=\"form-identity\">\(identity)</div>")
            + "<div class=\"form-heading\">\(heading)</div>"
    }

    /// The lines under the report, blank ones drawn as lines to sign on.
    public func foot(madeOn day: String) -> String {
        "<div class=\"form-signature\">" + form.signature(lang, madeOn: day)
            .map { "<span>\(Self.pair($0.label, $0.value, lang))</span>" }.joined() + "</div>"
    }

    /// The styles of the head and the foot, for the report's own `<style>`.
    public static let styles = """
        .form-identity { float: right; text-align: left; font-size: 12px; line-height: 1.5; }
        .form-heading { clear: both; display: flex; justify-content: space-between; flex-wrap: wrap; gap: 4px 24px;
                        font-size: 13px; margin: 6px 0 10px; }
        .form-signature { display: flex; flex-wrap: wrap; gap: 10px 28px; margin-top: 18px; font-size: 13px;
                          break-inside: avoid; break-before: avoid; }
        .form-signature span, .form-heading span { white-space: nowrap; }
        .form-signature u, .form-heading u { display: inline-block; min-width: 90px; text-decoration: none;
                                             border-bottom: 1px solid #1d2733; }
        """

    static func pair(_ label: String, _ value: String, _ lang: Language) -> String {
        "<b>\(escape(label))\(Punctuation.colon.text(lang))</b><u>\(escape(value))</u>"
    }

    /// Text made safe inside an element.
    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Text as a CSS string inside a `<style>` element: quotes and backslashes escaped, `<` written as
    /// its code point so nothing can close the element.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\": out += "\\" + String(scalar)
            case "<", ">", "\n", "\r": out += "\\" + String(scalar.value, radix: 16) + " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// "第 {page} 页，共 {pages} 页" as CSS content: the words quoted, the placeholders the page counters.
    static func counters(_ template: String) -> String {
        var parts: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { parts.append(cssString(String(rest[..<open]))) }
            parts.append(rest[rest.index(after: open)..<close] == "pages" ? "counter(pages)" : "counter(page)")
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(cssString(String(rest))) }
        return parts.joined(separator: " ")
    }

    /// The same words for an Excel header or footer: `&P` the page, `&N` the pages.
    public static func excelPageOf(_ lang: Language) -> String {
        ReportFormWords.pageOf.text(lang, ["page": "&P", "pages": "&N"])
    }
}
