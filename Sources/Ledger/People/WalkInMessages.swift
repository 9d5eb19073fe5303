import Workflow

/// What the registration desk is told about what it typed for a walk-in, in Chinese and English
/// (the message catalogue); the field words and what is said of them are the import's.
public enum WalkInMessages {
    public static let checkIDCard = MessageText("walk-in.check-id-card", zh: "请对照身份证核对", en: "check it against the ID card")
    public static let unknownGroup = MessageText("walk-in.unknown-group", zh: "无法识别的人员类别“{label}”",
                                                 en: "unknown target group '{label}'")
    public static let useGroups = MessageText("walk-in.use-groups", zh: "请使用 {known}", en: "use {known}")

    public static let all = [checkIDCard, unknownGroup, useGroups]
}
