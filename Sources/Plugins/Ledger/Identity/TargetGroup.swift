/// The target groups (人员类别) that campaigns report on. Stored as a bit set, so a person can be
/// in several and tallies filter with one AND.
public enum TargetGroup: Int, Sendable, CaseIterable {
    case povertyAlleviated = 0
    case monitored
    case zeroEmploymentFamily
    case hardship
    case graduate
    case veteran
    case disabled
    case returnee

    public var key: String {
        switch self {
        case .povertyAlleviated: "poverty_alleviated"
        case .monitored: "monitored"
        case .zeroEmploymentFamily: "zero_employment_family"
        case .hardship: "hardship"
        case .graduate: "graduate"
        case .veteran: "veteran"
        case .disabled: "disabled"
        case .returnee: "returnee"
        }
    }

    public var label: String {
        switch self {
        case .povertyAlleviated: "脱贫人口"
        case .monitored: "监测对象"
        case .zeroEmploymentFamily: "零就业家庭"
        case .hardship: "就业困难人员"
        case .graduate: "高校毕业生"
        case .veteran: "退役军人"
        case .disabled: "残疾人"
        case .returnee: "返乡农民工"
        }
    }

    public var bit: Int { 1 << rawValue }

    /// Spellings seen in county ledgers, Chinese and English.
    static let aliases: [String: TargetGroup] = {
        var map: [String: TargetGroup] = [:]
        let extra: [TargetGroup: [String]] = [
            .povertyAlleviated: ["脱贫户", "脱贫劳动力", "建档立卡", "建档立卡贫困户", "poverty", "poverty-alleviated"],
            .monitored: ["监测户", "防返贫监测对象", "边缘易致贫户", "突发严重困难户", "monitored household"],
            .zeroEmploymentFamily: ["零就业", "零就业家庭成员", "zero-employment", "zero employment family"],
            .hardship: ["困难人员", "就业困难", "hardship"],
            .graduate: ["毕业生", "高校毕业生", "大学毕业生", "graduates"],
            .veteran: ["退伍军人", "退役士兵", "veterans"],
            .disabled: ["残疾", "残疾人员", "disability"],
            .returnee: ["返乡人员", "返乡农民工", "返乡创业", "returnees", "returning migrant"],
        ]
        for group in TargetGroup.allCases {
            map[group.key] = group
            map[group.label] = group
            for alias in extra[group] ?? [] { map[alias.lowercased()] = group }
        }
        return map
    }()

    public static func parse(_ text: String) -> TargetGroup? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        return aliases[trimmed] ?? aliases[trimmed.replacingOccurrences(of: " ", with: "_")]
    }

    /// Parses a cell such as "脱贫人口、监测对象" into a bit set; unknown labels are returned apart.
    public static func parseList(_ text: String) -> (bits: Int, unknown: [String]) {
        if text.isEmpty { return (0, []) }
        if let single = aliases[text] { return (single.bit, []) }
        var bits = 0
        var unknown: [String] = []
        let separators: Set<Character> = ["、", ",", "，", ";", "；", "/", "|", " "]
        for part in text.split(whereSeparator: { separators.contains($0) }) where !part.isEmpty {
            if let group = parse(String(part)) { bits |= group.bit } else { unknown.append(String(part)) }
        }
        return (bits, unknown)
    }

    public static func labels(of bits: Int) -> [String] {
        allCases.filter { bits & $0.bit != 0 }.map(\.label)
    }
}
