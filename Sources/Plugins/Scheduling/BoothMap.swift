import Foundation
import PluginKit

/// The printable booth map: one SVG of the venue (each booth a box with its number and enterprise,
/// coloured by industry zone, accessible booths marked ♿) and the table beside it, on A4 landscape.
enum BoothMap {
    static let palette = ["#cfe8ff", "#d8f5df", "#fff3c4", "#ffd9e8", "#e6dcff", "#ffe4c4", "#d9f2f2", "#eeeeee",
                          "#f5e6cc", "#e0f0c0", "#f0d0f0", "#c8e6e0"]

    static let template = PageTemplate("booth-map", PackageResources.booth_map_html_mustache)

    struct Zone { let name: String, colour: String }
    struct Line { let x: String, y: String, text: String }
    struct Booth { let id: String, label: String, x: String, y: String, w: String, h: String, fill: String, textX: String, idY: String, lines: [Line] }
    struct Row { let label: String, name: String, industry: String }

    static func html(title: String, booths: [BoothPlanner.Booth], placed: [String: BoothPlanner.Exhibitor]) -> String {
        let zones = Array(Set(placed.values.map(\.industry))).sorted()
        let colour = Dictionary(zones.enumerated().map { ($1, palette[$0 % palette.count]) }, uniquingKeysWith: { a, _ in a })
        let width = 120.0, height = 64.0, gap = 10.0
        let columns = (booths.map(\.x).max() ?? 0) + 1, rows = (booths.map(\.y).max() ?? 0) + 1
        let boxes = booths.map { booth in
            let x = gap + booth.x * (width + gap), y = 24 + gap + booth.y * (height + gap)
            let exhibitor = placed[booth.id]
            let lines = exhibitor.map { wrap($0.name, per: 9).prefix(3).enumerated().map { i, line in
                Line(x: "\(x + 6)", y: "\(y + 32 + Double(i) * 14)", text: line)
            } } ?? []
            return Booth(id: booth.id, label: booth.id + (booth.accessible ? " ♿" : ""), x: "\(x)", y: "\(y)", w: "\(width)",
                         h: "\(height)", fill: exhibitor.map { colour[$0.industry] ?? "#fff" } ?? "#fff", textX: "\(x + 6)",
                         idY: "\(y + 16)", lines: lines)
        }
        let page: [String: Any] = [
            "title": title, "gap": "\(Int(gap))",
            "width": "\(Int(columns * (width + gap) + gap))", "height": "\(Int(rows * (height + gap) + gap + 24))",
            "zones": zones.map { Zone(name: $0, colour: colour[$0] ?? "#fff") },
            "booths": boxes,
            "rows": booths.compactMap { booth in
                placed[booth.id].map { Row(label: booth.id + (booth.accessible ? " ♿" : ""), name: $0.name, industry: $0.industry) }
            },
        ]
        return template.render(page)
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
