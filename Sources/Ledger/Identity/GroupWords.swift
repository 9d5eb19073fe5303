import Workflow

/// The target groups' names as reports show them, in Chinese (the names the sheets use) and English.
public struct GroupWords: MessageCatalogue {
    public static let shared = GroupWords()

    public let povertyAlleviated = MessageText("group.poverty-alleviated", zh: "脱贫人口", en: "lifted out of poverty")
    public let monitored = MessageText("group.monitored", zh: "监测对象", en: "monitored households")
    public let zeroEmploymentFamily = MessageText("group.zero-employment-family", zh: "零就业家庭", en: "zero-employment families")
    public let hardship = MessageText("group.hardship", zh: "就业困难人员", en: "hardship")
    public let graduate = MessageText("group.graduate", zh: "高校毕业生", en: "graduates")
    public let veteran = MessageText("group.veteran", zh: "退役军人", en: "veterans")
    public let disabled = MessageText("group.disabled", zh: "残疾人", en: "disabled")
    public let returnee = MessageText("group.returnee", zh: "返乡农民工", en: "returning migrants")
    public let lowIncome = MessageText("group.low-income", zh: "农村低收入人口", en: "rural low-income")
}
