import Workflow

/// The kinds of event `campaign history` lists, in Chinese and English (the message catalogue). The
/// English is the stored kind itself, so a script reading `--lang en` sees the same words as before.
public enum HistoryMessages {
    static let kinds: [String: String] = [
        "run-started": "活动开始", "started": "开始", "completed": "完成", "failed": "失败", "waiting": "等待",
        "woke": "结束等待", "interrupted": "中断", "cancel-requested": "请求取消", "cancelled": "已取消",
        "fanned-out": "展开实例", "retry-requested": "请求重试", "signal-ignored": "忽略通知", "skipped": "跳过",
        "blocked": "受阻", "plugin-stderr": "插件输出", "run-completed": "活动完成", "run-failed": "活动失败",
        "run-waiting": "活动等待", "run-cancelled": "活动取消", "run-running": "活动运行中",
    ]

    public static let all: [MessageText] = kinds.keys.sorted().map { kind in
        MessageText("history.\(kind)", zh: kinds[kind]!, en: kind)
    }

    static let byKind = Dictionary(uniqueKeysWithValues: all.map { (String($0.key.dropFirst("history.".count)), $0) })

    /// The event's kind in `language`; a kind this catalogue does not know is shown as stored.
    public static func word(_ kind: String, _ language: Language) -> String {
        byKind[kind].map { Message($0).text(language) } ?? kind
    }
}
