import Foundation
import Ledger
import PluginKit
import Workflow

/// SMS-ready lines (短信): one message per job seeker with all their interviews — time, booth number,
/// enterprise, posting — and the badge code to show at the gate, signed with the bureau's name in 【】
/// as Chinese SMS gateways require. Phones and names are masked unless a manager exports them
/// (recorded); a masked file is a preview of what would be sent.
enum InterviewMessages {
    struct Message: Sendable, Equatable {
        var phone: String
        var text: String
        /// SMS segments the text takes: 70 characters in one, 67 each when split.
        var segments: Int { text.count <= 70 ? 1 : (text.count + 66) / 67 }
    }

    static func messages(_ listing: InterviewListing, signature: String, unmasked: Bool) -> [Message] {
        let byPerson = Dictionary(grouping: listing.interviews, by: \.person)
        return byPerson.keys.sorted().compactMap { person -> Message? in
            let interviews = byPerson[person]!.sorted { $0.start < $1.start }
            let first = interviews[0]
            guard !first.contact.phone.isEmpty else { return nil }
            let day = TimeFormats.display(first.start, timeZone: listing.timeZone).prefix(10)
            let parts = interviews.map { i in
                "\(i.time.prefix(5)) \(i.boothNumber.map { "\($0)展位" } ?? "")\(i.booth)\(i.posting.split(separator: " ").dropFirst().joined(separator: " "))"
            }
            let name = unmasked ? first.contact.name : Masking.name(first.contact.name)
            let text = "【\(signature)】\(name)您好，您\(day)的面试：" + parts.joined(separator: "；")
                + "。请提前5分钟到场，凭胸牌码\(first.badge)签到。"
            return Message(phone: unmasked ? first.contact.phone : Masking.phone(first.contact.phone), text: text)
        }
    }
}
