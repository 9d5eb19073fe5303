import Foundation
import PluginKit
import Workflow

/// The funnel's geometry for the tally page: centered bars, one per stage, each as wide as its share
/// of the registered, the number inside a bar wide enough to hold it (beside a narrow one), the rate
/// after it. A phone draws the same bars from the left (`share`), so none is off the screen.
struct FunnelChart {
    struct Bar {
        let label: String, value: String, color: String
        let labelX: String, textY: String, x: String, y: String, w: String, h: String
        let valueX: String, anchor: String, valueFill: String
        let rate: String?, rateX: String
        /// The bar's length as a share of the widest, for the phone's funnel (every bar on a narrow screen).
        let share: String
    }

    let ariaLabel: String, width: String, height: String
    let bars: [Bar]

    static let colors = ["#1f5fa8", "#2b74c0", "#3d8fd1", "#3aa38f", "#2f9a52", "#1e7a3c"]

    init(_ report: TallyReport, lang: Language) {
        let funnel = report.funnel
        let stages = report.peopleMeasures
        let width = 640.0, barHeight = 34.0, gap = 6.0, labelWidth = 150.0
        let top = Double(max(1, stages.compactMap { funnel[$0.key] }.max() ?? 1))
        ariaLabel = TallyWords.funnelChart.text(lang)
        self.width = "\(Int(width + labelWidth + 90))"
        height = "\(Int(Double(stages.count) * (barHeight + gap)))"
        bars = stages.enumerated().map { i, stage in
            let value = Double(funnel[stage.key] ?? 0)
            let w = max(2, width * value / top)
            let x = labelWidth + (width - w) / 2, y = Double(i) * (barHeight + gap)
            let inside = w >= 56
            return Bar(label: stage.label(lang), value: "\(Int(value))", color: Self.colors[i % Self.colors.count],
                       labelX: "\(labelWidth - 8)", textY: "\(y + barHeight / 2 + 5)", x: SVGNumber.text(x), y: SVGNumber.text(y), w: SVGNumber.text(w),
                       h: "\(barHeight)", valueX: SVGNumber.text(inside ? labelWidth + width / 2 : x + w + 6),
                       anchor: inside ? "middle" : "start", valueFill: inside ? "#fff" : "#1d2733",
                       rate: funnel.rate(stage).map(TallyText.percent), rateX: "\(labelWidth + width + 8)",
                       share: SVGNumber.text(100 * w / width))
        }
    }
}
