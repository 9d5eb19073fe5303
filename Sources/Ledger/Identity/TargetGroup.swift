import Workflow

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
    /// 农村低收入人口: 低保 and 特困 households, reported beside the poverty groups since 2021.
    case lowIncome

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
        case .lowIncome: "low_income"
        }
    }

    public var label: String { words.zh }

    /// Every label a sheet may hold, as values to type (the Chinese), listed with the reader's list comma.
    public static var known: Message {
        Message.joined(allCases.map { .verbatim($0.label) }, separator: Punctuation.listComma)
    }

    /// Its name in each language (the Chinese is the one sheets use).
    public var words: MessageText {
        switch self {
        case .povertyAlleviated: GroupWords.povertyAlleviated
        case .monitored: GroupWords.monitored
        case .zeroEmploymentFamily: GroupWords.zeroEmploymentFamily
        case .hardship: GroupWords.hardship
        case .graduate: GroupWords.graduate
        case .veteran: GroupWords.veteran
        case .disabled: GroupWords.disabled
        case .returnee: GroupWords.returnee
        case .lowIncome: GroupWords.lowIncome
        }
    }

    /// The set holding only this group.
    public var set: TargetGroupSet { TargetGroupSet(self) }

    /// The ledger's `groups` value of someone in this group alone.
    public var bit: Int { Int(set.stored) }

    /// Spellings seen in county ledgers, Chinese and English.
    static let aliases: [String: TargetGroup] = {
        var map: [String: TargetGroup] = [:]
        let extra: [TargetGroup: [String]] = [
            // Before 2021 the same people were 贫困 (poor) in county ledgers; many sheets still say so.
            .povertyAlleviated: ["脱贫户", "脱贫劳动力", "脱贫人员", "已脱贫人口", "建档立卡", "建档立卡贫困户",
                                 "建档立卡贫困人口", "建档立卡贫困劳动力", "建档立卡户", "贫困劳动力", "贫困户", "贫困人口",
                                 "贫困人员", "poverty", "poverty-alleviated"],
            .monitored: ["监测户", "监测对象户", "防返贫监测对象", "防止返贫监测对象", "边缘易致贫户", "脱贫不稳定户",
                         "突发严重困难户", "三类户", "三类人员", "monitored household"],
            .zeroEmploymentFamily: ["零就业", "零就业家庭成员", "zero-employment", "zero employment family"],
            .hardship: ["困难人员", "就业困难", "hardship"],
            .graduate: ["毕业生", "高校毕业生", "大学毕业生", "graduates"],
            .veteran: ["退伍军人", "退役士兵", "veterans"],
            .disabled: ["残疾", "残疾人员", "disability"],
            .returnee: ["返乡人员", "返乡农民工", "返乡创业", "returnees", "returning migrant"],
            .lowIncome: ["低收入人口", "低保户", "低保对象", "低保", "特困人员", "特困供养人员", "五保户", "low income"],
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

    /// Parses a cell such as "脱贫人口、监测对象" into a set; unknown labels are returned apart.
    /// `extra` holds a definition's own labels (`group_labels:`), looked up first.
    public static func parseList(_ text: String, extra: [String: TargetGroup] = [:]) -> (groups: TargetGroupSet, unknown: [String]) {
        if text.isEmpty { return ([], []) }
        if let single = extra[text] ?? aliases[text] { return (single.set, []) }
        var groups: TargetGroupSet = []
        var unknown: [String] = []
        let separators: Set<Character> = ["、", ",", "，", ";", "；", "/", "|", " "]
        for part in text.split(whereSeparator: { separators.contains($0) }) where !part.isEmpty {
            if let group = extra[String(part)] ?? parse(String(part)) { groups.insert(group.set) } else { unknown.append(String(part)) }
        }
        return (groups, unknown)
    }

    /// A group by its key (`poverty_alleviated`) or any label it is known by.
    public static func named(_ name: String) -> TargetGroup? {
        allCases.first { $0.key == name } ?? parse(name)
    }

    /// The labels a definition adds (label → group key or label), checked: unknown groups are named.
    public static func vocabulary(_ labels: [String: String]) throws -> [String: TargetGroup] {
        var map: [String: TargetGroup] = [:]
        for (label, name) in labels {
            guard let group = named(name) else {
                throw WorkflowError.usage(LedgerMessages.notAGroup(["label": label, "name": name]),
                                          hint: LedgerMessages.useGroups(["names": allCases.map { "\($0.key) (\($0.label))" }
                                                                            .joined(separator: ", ")]))
            }
            map[label] = group
        }
        return map
    }

    public static func labels(of groups: TargetGroupSet) -> [String] { groups.labels }
}
