import Workflow

/// The audit log's acts and the actors that are no staff account, as `campaign audit` shows them (the
/// message catalogue). The English is the stored key itself, as in `HistoryMessages`, so the CSV and a
/// script reading `--lang en` see what was stored.
public enum AuditWords {
    static let words: [String: String] = [
        "export": "导出", "unmasked-export": "导出未脱敏数据", "sign-in": "登录", "look-up": "查询", "badge-reprint": "补打胸牌",
        "backup": "备份", "restore": "恢复", "shred": "销毁个人信息", "shred-files": "销毁文件", "person-corrected": "更正个人信息",
        "person-changed": "个人信息变更", "checkin-day-override": "越日放行", "outcome-withdrawn": "撤销结果",
        "outcome-corrected": "更正结果", "unknown": "未知", "daemon": "守护进程", "owner": "工作区所有者",
    ]

    public static let all: [MessageText] = words.keys.sorted().map { key in
        MessageText("audit.\(key)", zh: words[key]!, en: key)
    }

    static let byKey = Dictionary(uniqueKeysWithValues: all.map { (String($0.key.dropFirst("audit.".count)), $0) })

    /// An act or an actor in `language`; a key this catalogue does not know (a staff member's name) as stored.
    public static func word(_ key: String, _ language: Language) -> String {
        byKey[key].map { Message($0).text(language) } ?? key
    }
}
