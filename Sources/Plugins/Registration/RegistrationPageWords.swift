import Workflow

/// The words of the walk-in panel of the staff page.
public struct RegistrationPageWords: MessageCatalogue {
    public static let shared = RegistrationPageWords()

    public let walkIn = MessageText("registration-page.walk-in", zh: "现场登记（未报名人员）", en: "Walk-in registration")
    public let name = MessageText("registration-page.name", zh: "姓名", en: "Name")
    public let idNumber = MessageText("registration-page.id-number", zh: "身份证号", en: "ID number")
    public let phone = MessageText("registration-page.phone", zh: "手机号", en: "Mobile")
    public let township = MessageText("registration-page.township", zh: "乡镇", en: "Township")
    public let village = MessageText("registration-page.village", zh: "村", en: "Village")
    public let groups = MessageText("registration-page.groups", zh: "人员类别（如 脱贫人口、监测对象）",
                                    en: "Target groups (e.g. 脱贫人口、监测对象)")
    public let register = MessageText("registration-page.register", zh: "登记并签到", en: "Register and check in")
}
