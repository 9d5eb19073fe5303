import Foundation
import Ledger
import PluginKit
import Workflow

/// The run sheet's rows (直播流程单): the opening (the host's welcome, from the start to the first
/// posting), each posting at its clock time with what the host reads out — salary, openings,
/// requirements — and the closing (from the last posting to the stream's end), under the county form.
struct RunSheet {
    struct Row { let order: Int, at: String, minutes: Int, code: String, posting: String, enterprise: String
                 let salary: String, openings: String, requirements: String, host: String }
    struct Segment { let at: String, minutes: Int, host: String }

    let rows: [Row]
    let opening: Segment?, closing: Segment?
    let starts: String, minutes: Int, host: String
    let context: StepContext

    init(lineup: [StreamLineup.Slot], postings: [PostingSummary], starts: Date, minutes: Int, host: String, context: StepContext) {
        let byCode = Dictionary(postings.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let clock = { (minute: Int) in String(context.format(starts.addingTimeInterval(Double(minute * 60))).suffix(5)) }
        rows = lineup.map { slot in
            let posting = byCode[slot.item.code]
            return Row(order: slot.order, at: clock(slot.startMinute), minutes: slot.minutes, code: slot.item.code,
                       posting: slot.item.title, enterprise: slot.item.enterprise, salary: posting?.salary ?? "",
                       openings: String(posting?.openings ?? slot.item.openings), requirements: posting?.requirements ?? "",
                       host: slot.host.isEmpty ? host : slot.host)
        }
        let first = lineup.map(\.startMinute).min() ?? 0
        let end = lineup.map { $0.startMinute + $0.minutes }.max() ?? 0
        opening = first > 0 ? Segment(at: clock(0), minutes: first, host: host) : nil
        closing = !lineup.isEmpty && end < minutes ? Segment(at: clock(end), minutes: minutes - end, host: host) : nil
        self.starts = context.format(starts)
        self.minutes = minutes
        self.host = host
        self.context = context
    }

    /// What the template reads.
    func page(title: String, platform: String) -> [String: Any] {
        let form = PrintedForm(title: "\(title) 直播流程单", form: ReportForm(vars: context.vars), lang: .zh)
        var page: [String: Any] = ["title": title, "platform": platform, "starts": starts, "minutes": minutes, "host": host,
                                   "rows": rows, "pageRules": form.pageRules, "formStyles": PrintedForm.styles,
                                   "formHead": form.head(period: String(starts.prefix(10)), measuredIn: nil),
                                   "formFoot": form.foot(madeOn: SheetDate.day(of: context.clock.now(), in: context.timeZone))]
        if let opening { page["opening"] = opening }
        if let closing { page["closing"] = closing }
        return page
    }
}
