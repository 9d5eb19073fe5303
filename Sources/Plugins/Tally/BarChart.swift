import Foundation
import PluginKit
import Workflow

/// A breakdown's chart for the tally page: two bars per row — the first level people reach after
/// registering (attended, or interviewed where attendance does not apply) and the furthest headline
/// one (placed) — for the top 20 rows, with a legend.
struct BarChart {
    struct Row { let label: String, labelX: String, textY: String, pair: [Bar] }
    struct Bar { let measure: String, value: String, color: String, x: String, y: String, w: String, valueX: String, valueY: String }
    struct Key { let measure: String, color: String, x: String, boxY: String, textX: String, textY: String }

    let width: String, height: String
    let rows: [Row]
    let legend: [Key]

    /// Nil for a breakdown with no rows or no level of people to draw.
    init?(_ breakdown: TallyBreakdown, lang: Language) {
        let rows = Array(breakdown.rows.prefix(20))
        let people = breakdown.measures.filter { ($0.threshold ?? 0) > 0 }
        guard !rows.isEmpty, let first = people.first, let last = people.last(where: \.highlight) ?? people.last else { return nil }
        let series: [(TallyMeasure, String)] = [(first, "#3d8fd1"), (last, "#2f9a52")]
        let labelWidth = 190.0, width = 560.0, rowHeight = 30.0
        let top = Double(max(1, rows.map { $0.counts[first.key] ?? 0 }.max() ?? 1, rows.map { $0.counts[last.key] ?? 0 }.max() ?? 1))
        self.width = "\(Int(labelWidth + width + 60))"
        height = "\(Int(Double(rows.count) * rowHeight + 28))"
        self.rows = rows.enumerated().map { i, row in
            let y = Double(i) * rowHeight
            let label = TallyText.rowLabel(row, dimension: breakdown.dimension, lang: lang)
            return Row(label: String(label.prefix(16)), labelX: "\(labelWidth - 8)", textY: "\(y + 19)",
                       pair: series.enumerated().map { j, entry in
                           let value = Double(row.counts[entry.0.key] ?? 0)
                           let w = max(1, width * value / top)
                           let barY = y + 4 + Double(j) * 11
                           return Bar(measure: entry.0.label(lang), value: "\(Int(value))", color: entry.1, x: "\(labelWidth)",
                                      y: SVGNumber.text(barY), w: SVGNumber.text(w), valueX: SVGNumber.text(labelWidth + w + 4), valueY: SVGNumber.text(barY + 9))
                       })
        }
        let legendY = Double(rows.count) * rowHeight + 14
        legend = series.enumerated().map { j, entry in
            let x = labelWidth + Double(j) * 140
            return Key(measure: entry.0.label(lang), color: entry.1, x: SVGNumber.text(x), boxY: SVGNumber.text(legendY - 9), textX: SVGNumber.text(x + 16),
                       textY: SVGNumber.text(legendY))
        }
    }
}
