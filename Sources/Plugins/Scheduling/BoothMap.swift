import Foundation
import PluginKit

/// The printable booth map: one SVG of the venue (each booth a box with its number and enterprise,
/// coloured by industry zone, accessible booths marked ♿) and the table beside it, on A4 landscape.
enum BoothMap {
    static let palette = ["#cfe8ff", "#d8f5df", "#fff3c4", "#ffd9e8", "#e6dcff", "#ffe4c4", "#d9f2f2", "#eeeeee",
                          "#f5e6cc", "#e0f0c0", "#f0d0f0", "#c8e6e0"]

    static func html(title: String, booths: [BoothPlanner.Booth], placed: [String: BoothPlanner.Exhibitor]) -> String {
        let zones = Array(Set(placed.values.map(\.industry))).sorted()
        let colour = Dictionary(zones.enumerated().map { ($1, palette[$0 % palette.count]) }, uniquingKeysWith: { a, _ in a })
        let width = 120.0, height = 64.0, gap = 10.0
        let columns = (booths.map(\.x).max() ?? 0) + 1, rows = (booths.map(\.y).max() ?? 0) + 1
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(columns * (width + gap) + gap)) "
            + "\(Int(rows * (height + gap) + gap + 24))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">"
        svg += "<text x=\"\(Int(gap))\" y=\"16\" font-size=\"13\">入口 / entrance ↓</text>"
        for booth in booths {
            let x = gap + booth.x * (width + gap), y = 24 + gap + booth.y * (height + gap)
            let exhibitor = placed[booth.id]
            let fill = exhibitor.map { colour[$0.industry] ?? "#fff" } ?? "#fff"
            svg += "<g class=\"booth\" data-booth=\"\(booth.id)\"><rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" "
                + "height=\"\(height)\" rx=\"6\" fill=\"\(fill)\" stroke=\"#555\"/>"
                + "<text x=\"\(x + 6)\" y=\"\(y + 16)\" font-size=\"12\" font-weight=\"700\">\(booth.id)"
                + (booth.accessible ? " ♿" : "") + "</text>"
            if let exhibitor {
                for (i, line) in wrap(exhibitor.name, per: 9).prefix(3).enumerated() {
                    svg += "<text x=\"\(x + 6)\" y=\"\(y + 32 + Double(i) * 14)\" font-size=\"11\">\(HTMLText.escape(line))</text>"
                }
            }
            svg += "</g>"
        }
        svg += "</svg>"
        let legend = zones.map { "<span class=\"zone\" style=\"background:\(colour[$0]!)\">\(HTMLText.escape($0))</span>" }
            .joined(separator: " ")
        let table = booths.compactMap { booth -> String? in
            guard let e = placed[booth.id] else { return nil }
            return "<tr><td>\(booth.id)\(booth.accessible ? " ♿" : "")</td><td>\(HTMLText.escape(e.name))</td><td>\(HTMLText.escape(e.industry))</td></tr>"
        }.joined()
        return """
            <!doctype html><html lang="zh"><head><meta charset="utf-8"><title>\(HTMLText.escape(title))</title>
            <style>
            @page { size: A4 landscape; margin: 12mm; }
            body { font: 12px "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; margin: 0; }
            h1 { font-size: 18px; margin: 0 0 6px; } svg { width: 100%; height: auto; }
            .zone { display: inline-block; padding: 2px 8px; border-radius: 4px; margin: 2px; }
            table { border-collapse: collapse; margin-top: 10px; page-break-before: always; }
            td, th { border: 1px solid #999; padding: 3px 8px; text-align: left; }
            </style></head><body>
            <h1>\(HTMLText.escape(title))</h1><p>展区 / zones: \(legend)</p>\(svg)
            <table><thead><tr><th>展位 booth</th><th>企业 enterprise</th><th>展区 zone</th></tr></thead><tbody>\(table)</tbody></table>
            </body></html>
            """
    }

    static func wrap(_ text: String, per: Int) -> [String] {
        var lines: [String] = [], current = ""
        for character in text {
            if current.count == per { lines.append(current); current = "" }
            current.append(character)
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
