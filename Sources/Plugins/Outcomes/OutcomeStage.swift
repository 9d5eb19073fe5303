/// How far a job seeker got with one posting. Stages are ordered: a placement implies an
/// interview and an intent, so a tally counts a person at every stage up to the furthest one.
public enum OutcomeStage: Int, Sendable, CaseIterable, Comparable, Codable {
    /// No outcome: used only to withdraw a record made by mistake (`--correct`).
    case none = 0
    case interviewed = 1
    /// 达成意向: the enterprise and the job seeker agreed in principle.
    case intent = 2
    /// 成功就业: hired.
    case placed = 3
    /// 稳定就业: still employed at the follow-up (usually after 3 or 6 months).
    case retained = 4

    public static func < (a: OutcomeStage, b: OutcomeStage) -> Bool { a.rawValue < b.rawValue }

    /// The word used on the command line: `campaign record placement …`.
    public var verb: String {
        switch self {
        case .none: "none"
        case .interviewed: "interview"
        case .intent: "intent"
        case .placed: "placement"
        case .retained: "retained"
        }
    }

    public var label: String {
        switch self {
        case .none: "无"
        case .interviewed: "面试"
        case .intent: "达成意向"
        case .placed: "成功就业"
        case .retained: "稳定就业"
        }
    }

    public var english: String {
        switch self {
        case .none: "none"
        case .interviewed: "interviewed"
        case .intent: "hiring intent"
        case .placed: "placed"
        case .retained: "retained"
        }
    }

    /// Spellings seen on booth forms and in follow-up spreadsheets, Chinese and English.
    public static func parse(_ text: String) -> OutcomeStage? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch t {
        case "none", "withdraw", "撤销", "无": return OutcomeStage.none
        case "interview", "interviewed", "面试", "已面试", "参加面试": return .interviewed
        case "intent", "intention", "hiring intent", "达成意向", "意向", "达成就业意向", "签订意向": return .intent
        case "placement", "placed", "hired", "成功就业", "就业", "已就业", "录用", "入职", "已入职", "上岗": return .placed
        case "retained", "retention", "稳定就业", "稳岗", "在岗", "稳定在岗": return .retained
        default: return nil
        }
    }

    public static var recordable: [OutcomeStage] { [.interviewed, .intent, .placed, .retained] }
}
