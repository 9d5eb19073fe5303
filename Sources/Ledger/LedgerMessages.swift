import Workflow

/// What the ledger says when a workbook cannot be read, a staff account or a manager is not as a
/// command needs, or a campaign takes no more people — in Chinese and English.
public struct LedgerMessages: MessageCatalogue {
    public static let shared = LedgerMessages()

    // Workbooks and text files.
    public let headerCell = MessageText("ledger.header-cell", zh: "{file}：表头行（第 {row} 行）第 {column} 列：",
                                        en: "{file}: the header row (row {row}), column {column}: ")
    public let belongsToCampaign = MessageText("ledger.belongs-to-campaign", zh: "导入 {name} 需要指定活动",
                                               en: "{name} belong to a campaign")
    public let addCampaign = MessageText("ledger.add-campaign", zh: "加上 --campaign NAME", en: "add --campaign NAME")

    // Target groups, staff, managers, shredded campaigns.
    public let notAGroup = MessageText("ledger.not-a-group", zh: "“{label}”对应到了“{name}”，这不是重点群体",
                                       en: "'{label}' is mapped to '{name}', which is not a target group")
    public let useGroups = MessageText("ledger.use-groups", zh: "请用其中之一：{names}", en: "use one of {names}")
    public let managerCorrectsPeople = MessageText(
        "ledger.manager-corrects-people", zh: "{staff} 是工作人员账号：更正人员的手机号或乡镇需要管理员账号",
        en: "{staff} has a staff account: correcting a person's phone or township needs a manager's")
    public let noSuchPerson = MessageText("ledger.no-such-person", zh: "台账中没有这个人", en: "no such person is in the ledger")
    public let staffNameEmpty = MessageText("ledger.staff-name-empty", zh: "工作人员的名字是空的", en: "the staff name is empty")
    public let staffEnterpriseUnknown = MessageText("ledger.staff-enterprise-unknown", zh: "台账中没有企业“{enterprise}”（按统一社会信用代码或全称）",
                                                    en: "no enterprise '{enterprise}' is in the ledger (by credit code or full name)")
    public let hasToken = MessageText("ledger.has-token", zh: "“{name}”已经有登录令牌了", en: "'{name}' already has a sign-in token")
    public let newTokenHint = MessageText(
        "ledger.new-token-hint", zh: "要换一个新的：先 campaign staff revoke {name}，再重新添加",
        en: "to give them a new one: campaign staff revoke {name}, then add them again")
    public let noActiveStaff = MessageText("ledger.no-active-staff", zh: "没有名为“{name}”的在用工作人员账号",
                                           en: "no active staff account named '{name}'")
    public let notStaffForUnmasked = MessageText(
        "ledger.not-staff-for-unmasked", zh: "“{name}”不是本工作区的工作人员；未遮挡的数据只给管理员",
        en: "'{name}' is not a staff account of this workspace; unmasked data is for managers")
    public let becomeManager = MessageText("ledger.become-manager", zh: "campaign staff add NAME --role manager，然后 --by NAME",
                                           en: "campaign staff add NAME --role manager, then --by NAME")
    public let notManager = MessageText("ledger.not-manager", zh: "{name} 的角色是 {role}，不是管理员：未遮挡的数据只给管理员",
                                        en: "{name} is {role}, not a manager: unmasked data is for managers")
    public let managerExports = MessageText("ledger.manager-exports", zh: "由管理员用 --by 自己的名字 导出",
                                            en: "a manager exports it with --by THEIR_NAME")
    public let shredded = MessageText(
        "ledger.shredded", zh: "{campaign} 的个人信息已销毁（{reason}，{actor}）：不能再添加人员、结果或运行",
        en: "{campaign}'s personal data was shredded ({reason}, by {actor}): it takes no new people, outcomes or runs")
    public let startNew = MessageText("ledger.start-new", zh: "为他们开始一个新的活动（campaign start FILE）",
                                      en: "start a new campaign for them (campaign start FILE)")
}

/// What each list `campaign import` reads is, in Chinese and English. The plugins' lists are named
/// here with the ledger's, since `campaign import --help` lists them together.
public struct ImportKindWords: MessageCatalogue {
    public static let shared = ImportKindWords()

    public let people = MessageText("import-kind.people", zh: "求职者（村级台账）", en: "job seekers (village ledgers)")
    public let enterprises = MessageText("import-kind.enterprises", zh: "企业", en: "enterprises")
    public let postings = MessageText("import-kind.postings", zh: "岗位", en: "postings")
    public let outcomes = MessageText("import-kind.outcomes", zh: "面试、意向和就业的跟踪回访表",
                                      en: "follow-up sheets of interviews, intents and placements")
    public let wishes = MessageText("import-kind.wishes", zh: "求职者按顺序排列的面试志愿", en: "job seekers' ranked interview wishes")
    public let venue = MessageText("import-kind.venue", zh: "招聘会的展位表（展位号、列、行、无障碍）",
                                   en: "a fair's booths (columns 展位号, 列, 行, 无障碍)")
    public let passengers = MessageText("import-kind.passengers", zh: "包车人员名单（上车点、目的地企业、出发日期）",
                                        en: "bus passengers (columns 上车点, 目的地企业, 出发日期)")
    public let vehicles = MessageText("import-kind.vehicles", zh: "包车活动的车辆名单", en: "a bus campaign's vehicles")
    public let employment = MessageText("import-kind.employment", zh: "包车务工人员的稳岗回访（入职日期、离职日期）",
                                        en: "follow-up employment records of bus workers (columns 入职日期, 离职日期)")
    public let leads = MessageText("import-kind.leads", zh: "来自抖音、快手、视频号的直播报名线索",
                                   en: "livestream sign-ups from 抖音, 快手, 视频号")
    public let streamMetrics = MessageText("import-kind.stream-metrics", zh: "按分钟或按岗位的直播数据",
                                           en: "livestream viewer figures per minute or per posting")
    public let withCampaign = MessageText("import-kind.with-campaign", zh: "（需加 --campaign）", en: " (with --campaign)")
}
