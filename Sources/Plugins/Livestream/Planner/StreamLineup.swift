import Workflow

/// A livestream's line-up (直播排期): the postings presented one after another, enterprise by
/// enterprise (so a host presents an enterprise once), those with the most openings first within the
/// stream's opening (viewers are most numerous early), each for its minutes, hosts taking turns by
/// enterprise. Checked against the stream's length: what does not fit is said with what to change.
public enum StreamLineup {
    public struct Item: Sendable, Equatable {
        public var code: String
        public var title: String
        public var enterprise: String
        public var openings: Int

        public init(code: String, title: String, enterprise: String, openings: Int) {
            self.code = code
            self.title = title
            self.enterprise = enterprise
            self.openings = openings
        }
    }

    public struct Slot: Sendable, Equatable {
        public var order: Int
        /// Minutes from the stream's start.
        public var startMinute: Int
        public var minutes: Int
        public var item: Item
        public var host: String
    }

    public enum Problem: Error, Sendable, Equatable {
        case tooLong(needed: Int, length: Int, postings: Int, minutes: Int)

        public var words: Message {
            switch self {
            case .tooLong(let needed, let length, let postings, let minutes):
                Message(LineupMessages.tooLong, ["postings": String(postings), "minutes": String(minutes), "needed": String(needed),
                                                 "length": String(length), "fits": String(max(0, length / max(1, minutes))),
                                                 "each": String(max(1, length / max(1, postings)))])
            }
        }
    }

    /// `opening`: minutes before the first posting (the host's welcome).
    public static func plan(_ items: [Item], minutes: Int, length: Int, hosts: [String],
                            opening: Int = 0) -> Result<[Slot], Problem> {
        let needed = opening + items.count * minutes
        guard needed <= length else {
            return .failure(.tooLong(needed: needed, length: length - opening, postings: items.count, minutes: minutes))
        }
        var byEnterprise: [String: [Item]] = [:]
        for item in items { byEnterprise[item.enterprise, default: []].append(item) }
        let enterprises = byEnterprise.keys.sorted {
            let a = byEnterprise[$0]!.reduce(0) { $0 + $1.openings }, b = byEnterprise[$1]!.reduce(0) { $0 + $1.openings }
            return (a, $1) > (b, $0)
        }
        var slots: [Slot] = []
        var at = opening
        for (turn, enterprise) in enterprises.enumerated() {
            let host = hosts.isEmpty ? "" : hosts[turn % hosts.count]
            for item in byEnterprise[enterprise]!.sorted(by: { ($0.openings, $1.code) > ($1.openings, $0.code) }) {
                slots.append(Slot(order: slots.count + 1, startMinute: at, minutes: minutes, item: item, host: host))
                at += minutes
            }
        }
        return .success(slots)
    }
}
