import Workflow

/// What the registration desk is told about what it typed for a walk-in, in Chinese and English
/// (the message catalogue); the field words and what is said of them are the import's.
public struct WalkInMessages: MessageCatalogue {
    public static let shared = WalkInMessages()

    public let checkIDCard = MessageText("walk-in.check-id-card", zh: "请对照身份证核对", en: "check it against the ID card")
    public let unknownGroup = MessageText("walk-in.unknown-group", zh: "无法识别的人员类别“{label}”",
                                          en: "unknown target group '{label}'")
    public let useGroups = MessageText("walk-in.use-groups", zh: "请使用 {known}", en: "use {known}")
}
