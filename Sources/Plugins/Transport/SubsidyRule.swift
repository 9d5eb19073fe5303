import Foundation
import Workflow

/// Who qualifies for the transport subsidy (交通补贴): a worker carried out of the home province who
/// stays with the enterprise at least `months` calendar months (started 2026-02-22: qualifies on
/// 2026-05-22, not the day before). Every worker who falls short gets the reason in words a clerk
/// can read out on the phone ("left after 2 months 10 days").
public struct SubsidyRule: Sendable, Equatable {
    public var months: Int
    /// Only work outside `homeProvince` counts (跨省务工).
    public var outOfProvinceOnly: Bool
    public var homeProvince: String
    /// Yuan per qualifying worker.
    public var amount: Int

    public init(months: Int = 3, outOfProvinceOnly: Bool = true, homeProvince: String, amount: Int) {
        self.months = months
        self.outOfProvinceOnly = outOfProvinceOnly
        self.homeProvince = homeProvince
        self.amount = amount
    }

    /// A follow-up record: when the worker started, whether and when they left, when they were last asked.
    public struct Employment: Sendable, Equatable {
        public var startedOn: String
        public var leftOn: String?
        public var checkedOn: String

        public init(startedOn: String, leftOn: String? = nil, checkedOn: String) {
            self.startedOn = startedOn
            self.leftOn = leftOn
            self.checkedOn = checkedOn
        }
    }

    public enum Verdict: Sendable, Equatable {
        case qualifies(months: Int, days: Int)
        /// Never scanned onto a bus though boarding was open: not carried, so not subsidised.
        case noShow
        case noRecord
        case inProvince(String)
        /// Nobody said which province the enterprise is in, so out-of-province cannot be told.
        case provinceUnknown
        case leftEarly(months: Int, days: Int)
        case notYet(months: Int, days: Int, checkedOn: String)

        public var qualifies: Bool { if case .qualifies = self { true } else { false } }

        public var words: Message {
            func span(_ m: Int, _ d: Int) -> Message {
                let text = m == 1 ? (d == 1 ? JourneyWords.monthDay : JourneyWords.monthDays)
                    : (d == 1 ? JourneyWords.monthsDay : JourneyWords.monthsDays)
                return Message(text, ["months": String(m), "days": String(d)])
            }
            switch self {
            case .qualifies(let m, let d): return Message(JourneyWords.qualifies, words: ["span": span(m, d)])
            case .noRecord: return Message(JourneyWords.noRecord)
            case .noShow: return Message(JourneyWords.notBoarded)
            case .provinceUnknown: return Message(JourneyWords.provinceUnknown)
            case .inProvince(let province): return Message(JourneyWords.inProvince, ["province": province])
            case .leftEarly(let m, let d): return Message(JourneyWords.leftEarly, words: ["span": span(m, d)])
            case .notYet(let m, let d, let on): return Message(JourneyWords.notYet, ["on": on], words: ["span": span(m, d)])
            }
        }
    }

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }

    /// `boarded`: whether the worker was scanned onto a bus, or nil where boarding was never opened
    /// (a season kept on paper): a worker who never boarded was not carried.
    public func verdict(province: String, employment: Employment?, boarded: Bool? = nil) -> Verdict {
        if outOfProvinceOnly {
            if province.isEmpty { return .provinceUnknown }
            if DestinationPlace.shortName(province) == DestinationPlace.shortName(homeProvince) { return .inProvince(province) }
        }
        if boarded == false { return .noShow }
        guard let employment, let start = Self.day(employment.startedOn),
              let end = Self.day(employment.leftOn ?? employment.checkedOn) else { return .noRecord }
        let stayed = Self.calendar.dateComponents([.month, .day], from: start, to: max(start, end))
        let (m, d) = (stayed.month ?? 0, stayed.day ?? 0)
        if m >= months { return .qualifies(months: m, days: d) }
        return employment.leftOn != nil ? .leftEarly(months: m, days: d)
            : .notYet(months: m, days: d, checkedOn: employment.checkedOn)
    }
}
