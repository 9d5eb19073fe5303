import Foundation
import PluginKit
import GRDB
import Ledger
import Workflow

/// Printable A4 sheets of badges: each with the person's QR code (their registration code), the
/// code in letters for typing, the masked name and the village, and the fair it is for — its title,
/// day and venue (`vars.venue`), so a badge found in a pocket says where to go — 15 to a page.
public enum Badges {
    static let template = PageTemplate("badges", PackageResources.badges_html_mustache)

    /// What the template reads for one badge; the QR code is an SVG the code drew (`{{{qrCode}}}`).
    struct Card { let qrCode: String, name: String, place: String, codeStart: String, codeRest: String, fair: String }
    /// One printed sheet: at most `perPage` badges, so the pages said are the pages printed.
    struct Sheet { let cards: [Card], last: Bool }
    static let perPage = 15

    /// The pages `count` badges print on.
    public static func pages(_ count: Int) -> Int { max(1, (count + perPage - 1) / perPage) }

    /// The campaign's badges; `only`: one person's, reprinted at the desk.
    public static func html(_ db: Database, campaign: String, title: String?, day: String? = nil,
                            venue: String? = nil, only: Int64? = nil) throws -> (html: String, count: Int) {
        let scheme = try Registrations.badgeCode(db, for: campaign)
        let people = try Registrations.people(db, of: campaign).filter { only == nil || $0.id == only }
        let fair = [title ?? campaign, day, venue].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
        let cards = try people.map { person in
            let code = scheme.encode(person.id)
            return Card(qrCode: try QRCode(code).svg(pixels: 110), name: Masking.name(person.name),
                        place: [person.township, person.village].filter { !$0.isEmpty }.joined(separator: " "),
                        codeStart: String(code.prefix(4)), codeRest: String(code.dropFirst(4)), fair: fair)
        }
        let sheets = stride(from: 0, to: max(cards.count, 1), by: perPage).map { start in
            Sheet(cards: Array(cards[start..<min(start + perPage, cards.count)]), last: start + perPage >= cards.count)
        }
        // The heading in each page's top margin and 第 N 页，共 M 页 at its foot, so a loose sheet says
        // whose badges it holds and the sheets fill whole pages.
        let heading = "\(title ?? campaign) · \(people.count) 人"
        let form = PrintedForm(title: heading, form: ReportForm(), lang: .zh)
        let page: [String: Any] = ["heading": heading, "sheets": sheets, "pageRules": form.pageRules]
        return (template.render(page), people.count)
    }

    /// One registered person's badge, by the code on it, for the desk to print again; nil when the
    /// code is no badge of this campaign's registered people.
    public static func reprint(_ db: Database, campaign: String, code: String) throws -> String? {
        let scheme = try Registrations.badgeCode(db, for: campaign)
        guard let id = scheme.decode(code.trimmingCharacters(in: .whitespaces)) else { return nil }
        let run = try RunQueries.requireRun(db, campaign)
        let venue = run.vars["venue"].flatMap { value -> String? in
            if case .string(let text) = value, !text.isEmpty { return text } else { return nil }
        }
        let (html, count) = try html(db, campaign: campaign, title: run.title, day: run.heldDay, venue: venue, only: id)
        return count == 1 ? html : nil
    }
}
