import Foundation
import PluginKit

/// Printable interview slips, one per job seeker, eight to an A4 page: the badge code, the masked
/// name and ID number, and each interview's time, booth number, enterprise and posting — what a
/// clerk hands over at the desk.
enum InterviewSlips {
    static func html(_ listing: InterviewListing, campaign: String) -> String {
        let bySeeker = Dictionary(grouping: listing.interviews, by: \.person)
            .sorted { ($0.value.first?.start ?? .distantPast, $0.key) < ($1.value.first?.start ?? .distantPast, $1.key) }
        let slips = bySeeker.map { _, interviews -> String in
            let first = interviews[0]
            let rows = interviews.sorted { $0.start < $1.start }.map { i in
                "<tr><td>\(HTMLText.escape(i.time))</td><td>\(HTMLText.escape(i.boothNumber ?? "—"))</td><td>\(HTMLText.escape(i.booth))</td>"
                    + "<td>\(HTMLText.escape(i.posting))</td><td>\(i.interviewer)</td></tr>"
            }.joined()
            return """
                <section class="slip"><h2>\(HTMLText.escape(first.name)) <small>\(HTMLText.escape(first.idNumber)) · 胸牌 \(HTMLText.escape(first.badge))</small></h2>
                <table><thead><tr><th>时间</th><th>展位</th><th>企业</th><th>岗位</th><th>面试官</th></tr></thead>
                <tbody>\(rows)</tbody></table><p>请提前5分钟到展位等候 · Please be at the booth 5 minutes early.</p></section>
                """
        }.joined(separator: "\n")
        return """
            <!doctype html><html lang="zh"><head><meta charset="utf-8"><title>\(HTMLText.escape(campaign)) 面试通知单</title>
            <style>
            @page { size: A4; margin: 10mm; }
            body { font: 11px "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; margin: 0;
                   display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
            .slip { border: 1px dashed #777; padding: 4mm; break-inside: avoid; box-sizing: border-box; height: 62mm;
                    overflow: hidden; }
            h2 { font-size: 14px; margin: 0 0 3mm; } small { font-weight: normal; color: #444; }
            table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #ccc; padding: 1mm 2mm; text-align: left; }
            p { margin: 2mm 0 0; color: #444; }
            </style></head><body>
            \(slips)
            </body></html>
            """
    }

}
