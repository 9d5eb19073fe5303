import Foundation
import PluginKit
import GRDB
import Ledger
import Workflow

/// Printable A4 sheets of badges: each with the person's QR code (their registration code), the
/// code in letters for typing, the masked name and the village, and the fair it is for — its title,
/// day and venue (`vars.venue`), so a badge found in a pocket says where to go — 15 to a page.
public enum Badges {
    public static func html(campaign: String, title: String?, day: String? = nil, venue: String? = nil,
                            db: Database) throws -> (html: String, count: Int) {
        let scheme = try Registrations.badgeCode(for: campaign, db: db)
        let people = try Registrations.people(of: campaign, db: db)
        let fair = HTMLText.escape([title ?? campaign, day, venue].compactMap { $0 }.filter { !$0.isEmpty }
            .joined(separator: " · "))
        var cards = ""
        for person in people {
            let code = scheme.encode(person.id)
            let place = [person.township, person.village].filter { !$0.isEmpty }.joined(separator: " ")
            cards += """
                <div class="badge">\(try QRCode(code).svg(pixels: 110))<div class="text">\
                <div class="name">\(HTMLText.escape(Masking.name(person.name)))</div>\
                <div class="place">\(HTMLText.escape(place))</div><div class="code">\(code.prefix(4)) \(code.dropFirst(4))</div>\
                <div class="fair">\(fair)</div></div></div>\n
                """
        }
        let heading = HTMLText.escape(title ?? campaign)
        let page = """
            <!doctype html>
            <html lang="zh"><head><meta charset="utf-8"><title>\(heading) — 胸牌 badges</title>
            <style>
              @page { size: A4; margin: 10mm; }
              body { margin: 0; font-family: "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; }
              .sheet { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; }
              .badge { border: 1px dashed #999; height: 52mm; padding: 3mm; box-sizing: border-box; display: flex;
                       align-items: center; gap: 2mm; break-inside: avoid; }
              .badge svg { width: 30mm; height: 30mm; flex: none; }
              .name { font-size: 16pt; font-weight: bold; } .place { font-size: 9pt; color: #444; margin: 1mm 0; }
              .code { font-family: monospace; font-size: 12pt; letter-spacing: .05em; }
              .fair { font-size: 7.5pt; color: #333; margin-top: 1.5mm; line-height: 1.25; }
              h1 { font-size: 12pt; margin: 0 0 3mm; }
            </style></head>
            <body><h1>\(heading) · \(people.count) 人</h1><div class="sheet">
            \(cards)</div></body></html>
            """
        return (page, people.count)
    }
}
