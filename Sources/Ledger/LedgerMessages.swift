import Workflow

/// What the ledger says when a workbook cannot be read, a staff account or a manager is not as a
/// command needs, or a campaign takes no more people — in Chinese and English.
public struct LedgerMessages: MessageCatalogue {
    public static let shared = LedgerMessages()

    // Workbooks and text files.
    public let saveAgain = MessageText("ledger.save-again", zh: "请用 Excel 或 WPS 重新另存为 .xlsx，或导出为 CSV",
                                       en: "save it again from Excel or WPS as .xlsx, or export it as CSV")
    public let noWorkbookPart = MessageText("ledger.no-workbook-part", zh: "“{file}”没有工作簿部分；它不是 .xlsx 文件",
                                            en: "'{file}' has no workbook part; it is not an .xlsx file")
    public let noWorksheet = MessageText("ledger.no-worksheet", zh: "“{file}”里没有工作表", en: "'{file}' has no worksheet")
    public let notReadable = MessageText("ledger.not-readable", zh: "“{file}”不是可读的 .xlsx 工作簿",
                                         en: "'{file}' is not a readable .xlsx workbook")
    public let noSuchSheet = MessageText("ledger.no-such-sheet", zh: "工作簿里没有名为“{name}”的工作表",
                                         en: "the workbook has no sheet named '{name}'")
    public let itsSheets = MessageText("ledger.its-sheets", zh: "它的工作表：{names}", en: "its sheets: {names}")
    public let sheetMissing = MessageText("ledger.sheet-missing", zh: "工作簿“{file}”缺少工作表“{name}”",
                                          en: "sheet '{name}' is missing from the workbook '{file}'")
    public let partTooLarge = MessageText(
        "ledger.part-too-large", zh: "“{file}”：其中的 {part} 解压后有 {size} MiB，超过了工作簿允许的 {limit} MiB",
        en: "'{file}': its part {part} unpacks to {size} MiB, more than the {limit} MiB a workbook may hold")
    public let splitIt = MessageText("ledger.split-it", zh: "把名单拆成几个小文件，或导出为 CSV",
                                     en: "split the list into smaller files, or export it as CSV")
    public let zipBomb = MessageText(
        "ledger.zip-bomb", zh: "“{file}”：其中的 {part} 解压后是压缩大小的 {ratio} 倍；真实的工作簿只有 5 到 20 倍，因此按压缩炸弹拒绝",
        en: "'{file}': its part {part} unpacks to {ratio} times its packed size; real workbooks pack 5 to 20 times, so it is refused as a zip bomb")
    public let saveAgainPlain = MessageText("ledger.save-again-plain", zh: "请用 Excel 或 WPS 重新保存，或导出为 CSV",
                                            en: "save it again from Excel or WPS, or export it as CSV")
    public let partOverLimit = MessageText("ledger.part-over-limit", zh: "“{file}”：其中的 {part} 解压后超过 {limit} MiB",
                                           en: "'{file}': its part {part} unpacks to more than {limit} MiB")
    public let cannotBeRead = MessageText("ledger.cannot-be-read", zh: "无法读取“{file}”：{part}：",
                                          en: "'{file}' cannot be read: {part}: ")
    public let cannotUnpack = MessageText("ledger.cannot-unpack", zh: "“{file}”已损坏：{part} 无法解压（{reason}）",
                                          en: "'{file}' is damaged: {part} cannot be unpacked ({reason})")
    public let sheetRow = MessageText("ledger.sheet-row", zh: "“{file}”，工作表第 {row} 行：", en: "'{file}', sheet row {row}: ")
    public let rowBeyond = MessageText("ledger.row-beyond", zh: "行号 {row} 超出了 Excel 的最后一行（{last}）",
                                       en: "row number {row} is beyond Excel's last row ({last})")
    public let columnBeyond = MessageText("ledger.column-beyond", zh: "单元格引用“{reference}”超出了 Excel 的最后一列（XFD）",
                                          en: "cell reference '{reference}' is beyond Excel's last column (XFD)")
    public let noSharedString = MessageText(
        "ledger.no-shared-string", zh: "一个单元格指向共享字符串“{index}”，但工作簿只有 {count} 个",
        en: "a cell points to shared string '{index}', but the workbook has {count}")
    public let doctype = MessageText("ledger.doctype", zh: "它声明了 DOCTYPE，而工作簿不需要", en: "it declares a DOCTYPE, which no workbook needs")
    public let attributeWithoutValue = MessageText("ledger.attribute-without-value", zh: "标签 <{name}> 有一个没有值的属性",
                                                   en: "a tag <{name}> has an attribute without a value")
    public let attributeWithoutQuotes = MessageText("ledger.attribute-without-quotes", zh: "标签 <{name}> 有一个没加引号的属性值",
                                                    en: "a tag <{name}> has an attribute value without quotes")
    public let cannotOpen = MessageText("ledger.cannot-open", zh: "无法打开“{path}”", en: "cannot open '{path}'")
    public let checkReadable = MessageText("ledger.check-readable", zh: "请检查路径以及文件是否可读",
                                           en: "check the path and that the file is readable")
    public let noConversion = MessageText("ledger.no-conversion", zh: "本系统无法转换 {encoding} 编码的文字（iconv）",
                                          en: "this system cannot convert {encoding} text (iconv)")
    public let notValidText = MessageText("ledger.not-valid-text", zh: "不是有效的文字", en: "not valid text")
    public let headerCell = MessageText("ledger.header-cell", zh: "{file}：表头行（第 {row} 行）第 {column} 列：",
                                        en: "{file}: the header row (row {row}), column {column}: ")
    public let belongsToCampaign = MessageText("ledger.belongs-to-campaign", zh: "导入 {name} 需要指定活动",
                                               en: "{name} belong to a campaign")
    public let addCampaign = MessageText("ledger.add-campaign", zh: "加上 --campaign NAME", en: "add --campaign NAME")

    // Target groups, staff, managers, shredded campaigns.
    public let notAGroup = MessageText("ledger.not-a-group", zh: "“{label}”对应到了“{name}”，这不是重点群体",
                                       en: "'{label}' is mapped to '{name}', which is not a target group")
    public let useGroups = MessageText("ledger.use-groups", zh: "请用其中之一：{names}", en: "use one of {names}")
    public let staffNameEmpty = MessageText("ledger.staff-name-empty", zh: "工作人员的名字是空的", en: "the staff name is empty")
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

/// The part of a workbook a refusal names ("its shared strings" / 共享字符串).
public struct WorkbookPartWords: MessageCatalogue {
    public static let shared = WorkbookPartWords()

    public let part = MessageText("workbook.part", zh: "其中的 {path}", en: "its part {path}")
    public let sharedStrings = MessageText("workbook.shared-strings", zh: "共享字符串", en: "its shared strings")
    public let sheet = MessageText("workbook.sheet", zh: "工作表", en: "its sheet")
    public let forged = MessageText(
        "workbook.forged", zh: "“{file}”：{part}解压后比它声明的多；文件已损坏或被伪造",
        en: "'{file}': {part} unpacks to more than it declares; the file is damaged or forged")
    public let saveAsXLSX = MessageText("workbook.save-as-xlsx", zh: "请用 Excel 或 WPS 重新另存为 .xlsx",
                                        en: "save it again from Excel or WPS as .xlsx")
}

/// What each list `campaign import` reads is, in Chinese and English. The plugins' lists are named
/// here with the ledger's, since `campaign import --help` lists them together.
public struct ImportKindWords: MessageCatalogue {
    public static let shared = ImportKindWords()

    public let people = MessageText("import-kind.people", zh: "求职者（村级台账）", en: "job seekers (village ledgers, 台账)")
    public let enterprises = MessageText("import-kind.enterprises", zh: "企业", en: "enterprises")
    public let postings = MessageText("import-kind.postings", zh: "岗位", en: "postings (岗位)")
    public let outcomes = MessageText("import-kind.outcomes", zh: "面试、意向和就业的跟踪回访表",
                                      en: "follow-up sheets of interviews, intents and placements (跟踪回访表)")
    public let wishes = MessageText("import-kind.wishes", zh: "求职者按顺序排列的面试志愿", en: "job seekers' ranked interview wishes (面试志愿)")
    public let venue = MessageText("import-kind.venue", zh: "招聘会的展位表（展位号、列、行、无障碍）",
                                   en: "a fair's booths (展位表: 展位号, 列, 行, 无障碍)")
    public let passengers = MessageText("import-kind.passengers", zh: "包车人员名单（上车点、目的地企业、出发日期）",
                                        en: "bus passengers (包车人员名单: 上车点, 目的地企业, 出发日期)")
    public let vehicles = MessageText("import-kind.vehicles", zh: "包车活动的车辆名单", en: "a bus campaign's vehicles (车辆名单)")
    public let employment = MessageText("import-kind.employment", zh: "包车务工人员的稳岗回访（入职日期、离职日期）",
                                        en: "follow-up employment records of bus workers (稳岗回访: 入职日期, 离职日期)")
    public let leads = MessageText("import-kind.leads", zh: "来自抖音、快手、视频号的直播报名线索",
                                   en: "livestream sign-ups (报名线索) from 抖音, 快手, 视频号")
    public let streamMetrics = MessageText("import-kind.stream-metrics", zh: "按分钟或按岗位的直播数据",
                                           en: "livestream viewer figures (直播数据) per minute or per posting")
    public let withCampaign = MessageText("import-kind.with-campaign", zh: "（需加 --campaign）", en: " (with --campaign)")
}
