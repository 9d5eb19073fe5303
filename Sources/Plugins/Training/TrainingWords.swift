import Workflow

/// The words of the training plugin's reports: the subsidy workbook and `campaign training`.
public struct TrainingWords: MessageCatalogue {
    public static let shared = TrainingWords()

    public let subsidyHeaders = [
        MessageText("training.column.number", zh: "序号", en: "No."),
        MessageText("training.column.name", zh: "姓名", en: "Name"),
        MessageText("training.column.id-number", zh: "身份证号", en: "ID number"),
        MessageText("training.column.township", zh: "乡镇", en: "Township"),
        MessageText("training.column.village", zh: "村", en: "Village"),
        MessageText("training.column.groups", zh: "人员类别", en: "Target groups"),
        MessageText("training.column.trade", zh: "培训工种", en: "Trade"),
        MessageText("training.column.attended", zh: "出勤课次", en: "Sessions attended"),
        MessageText("training.column.certificate", zh: "证书编号", en: "Certificate"),
        MessageText("training.column.verdict", zh: "审核结果", en: "Verdict"),
        MessageText("training.column.amount", zh: "补贴金额（元）", en: "Subsidy (yuan)"),
    ]
    public let subsidySheet = MessageText("training.sheet.subsidy", zh: "补贴名单", en: "Subsidy")
    public let shortSheet = MessageText("training.sheet.short", zh: "未达条件", en: "Not qualifying")
    public let subsidyTitle = MessageText("training.title.subsidy", zh: " 职业技能培训补贴发放名单", en: " — training subsidy list")
    public let shortTitle = MessageText("training.title.short", zh: " 未达培训补贴条件人员", en: " — trainees not qualifying")
    public let subsidyTotal = MessageText("training.subsidy-total", zh: "合计：{people} 人，{yuan} 元。", en: "In all: {people} people, {yuan} yuan.")
    public let shortTotal = MessageText("training.short-total", zh: "共 {people} 人。", en: "{people} people.")
    public let masked = MessageText("training.masked", zh: "个人信息已脱敏。", en: "Personal data masked.")

    public let eligible = MessageText("training.verdict.eligible", zh: "符合条件", en: "qualifies")
    public let notSubsidisedClass = MessageText("training.verdict.not-subsidised-class", zh: "非补贴性培训班",
                                                en: "not a subsidised class")
    public let notCompleted = MessageText("training.verdict.not-completed", zh: "出勤未达结业要求", en: "did not attend enough sessions")
    public let notCertified = MessageText("training.verdict.not-certified", zh: "未取得职业技能等级证书", en: "no certificate")
    public let notInGroups = MessageText("training.verdict.not-in-groups", zh: "不属于补贴对象人员类别", en: "not in a subsidised group")
    public let subsidisedWithinYear = MessageText("training.verdict.subsidised-within-year", zh: "一年内已享受同工种培训补贴",
                                                  en: "subsidised for the same trade within a year")

    static func verdict(_ verdict: TrainingRules.Verdict) -> MessageText {
        switch verdict {
        case .eligible: TrainingWords.eligible
        case .notSubsidisedClass: TrainingWords.notSubsidisedClass
        case .notCompleted: TrainingWords.notCompleted
        case .notCertified: TrainingWords.notCertified
        case .notInGroups: TrainingWords.notInGroups
        case .subsidisedWithinYear: TrainingWords.subsidisedWithinYear
        }
    }

    // `campaign training`: one line per class.
    public let classLine = MessageText(
        "training.class-line",
        zh: "{class} {trade}（{base}{mode}）：{sessions} 课，结业需到 {required} 课；入班 {enrolled}/{capacity} 人（候补 {waiting}），"
            + "到课 {attended}，结业 {completed}，取证 {certified}，补贴 {subsidised}，培训后就业 {employed}",
        en: "{class} {trade} ({base}{mode}): {sessions} sessions, {required} to complete; enrolled {enrolled}/{capacity} "
            + "({waiting} waiting), attended {attended}, completed {completed}, certified {certified}, subsidised {subsidised}, "
            + "employed after training {employed}")
    public let noClasses = MessageText("training.no-classes", zh: "{campaign} 没有培训班", en: "{campaign} has no training class")
}
