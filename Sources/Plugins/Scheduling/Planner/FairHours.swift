import Foundation
import Workflow

/// The interview slots of a fair's day: from its opening hours (`09:00-15:00`), the slot length and
/// the breaks (`12:00-12:30`), in the campaign's time zone. A slot that would overlap a break or run
/// past closing is left out.
public struct FairHours: Sendable, Equatable {
    public var opens: Int      // minutes after midnight
    public var closes: Int
    public var breaks: [ClosedRange<Int>]

    /// Reads `HH:mm-HH:mm`; nil with the reason when it cannot.
    public static func span(_ text: String) -> Result<ClosedRange<Int>, SpanProblem> {
        let parts = text.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "至", with: "-")
            .split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let from = minutes(parts[0]), let to = minutes(parts[1]) else {
            return .failure(SpanProblem(SchedulingStepMessages.notASpan(["text": text])))
        }
        guard from < to else { return .failure(SpanProblem(SchedulingStepMessages.endsBeforeStart(["text": text]))) }
        return .success(from...to)
    }

    public struct SpanProblem: Error, Sendable, Equatable {
        public var wording: Message
        init(_ wording: Message) { self.wording = wording }
        /// In English, for logs and tests.
        public var reason: String { wording.text(.en) }
    }

    static func minutes(_ text: String) -> Int? {
        let hm = text.split(separator: ":")
        guard hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0...24).contains(h), (0..<60).contains(m),
              h * 60 + m <= 24 * 60 else { return nil }
        return h * 60 + m
    }

    /// The start of each slot, in minutes after midnight.
    public func slotStarts(length: Int) -> [Int] {
        guard length > 0 else { return [] }
        var starts: [Int] = []
        var t = opens
        while t + length <= closes {
            let slot = t...(t + length)
            if let overlap = breaks.first(where: { $0.lowerBound < slot.upperBound && slot.lowerBound < $0.upperBound }) {
                t = max(t + 1, overlap.upperBound)   // the next slot starts when the break ends
                continue
            }
            starts.append(t)
            t += length
        }
        return starts
    }
}
