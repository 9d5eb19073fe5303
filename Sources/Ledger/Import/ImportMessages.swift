import Workflow

/// What an import says about the rows it refused or skipped, and about the file, in Chinese and
/// English (the message catalogue). The reject file's reason column and `campaign import`'s report
/// are worded from these in the reader's language; plugins' importers use the shared ones.
public struct ImportMessages: MessageCatalogue {
    public static let shared = ImportMessages()

    // Where: `第 17 行，身份证号：` — said before the reason.
    public let rowAt = MessageText("import.row-at", zh: "第 {row} 行，{column}：", en: "row {row}, {column}: ")
    public let skippedRowAt = MessageText("import.skipped-row-at", zh: "第 {row} 行：", en: "row {row}: ")
    public let sheetAt = MessageText("import.sheet-at", zh: "工作表 {sheet}，", en: "sheet {sheet}, ")

    // What a field is called when a reason is said of it: `姓名` + `为空`.
    public let idNumberField = MessageText("import.field.id-number", zh: "身份证号", en: "the ID number")
    public let nameField = MessageText("import.field.name", zh: "姓名", en: "the name")
    public let townshipField = MessageText("import.field.township", zh: "乡镇", en: "the township")
    public let villageField = MessageText("import.field.village", zh: "村（社区）", en: "the village")
    public let creditCodeField = MessageText("import.field.credit-code", zh: "统一社会信用代码", en: "the credit code")
    public let enterpriseNameField = MessageText("import.field.enterprise-name", zh: "企业名称", en: "the enterprise name")
    public let postingTitleField = MessageText("import.field.posting-title", zh: "岗位名称", en: "the posting title")

    // Said of a field.
    public let isEmpty = MessageText("import.is-empty", zh: "为空", en: " is empty")
    public let isLongerThan = MessageText(
        "import.is-longer-than", zh: "超过 {limit} 个字", en: " is longer than {limit} characters")
    public let holdsLineBreak = MessageText(
        "import.holds-line-break", zh: "中有换行或制表符；姓名和地名只占一行——请检查此行是否有未闭合的引号（\"）",
        en: " holds a line break or a tab; a name or a place is one line — check for a quote (\") left open in this row")
    public let holdsControlCharacters = MessageText(
        "import.holds-control-characters", zh: "含有正常文字中不会有的控制字符（如 NUL）",
        en: " holds control characters (such as NUL) that no text has")

    // The ID number's column.
    public let scientificID = MessageText(
        "import.scientific-id", zh: "Excel 把这个身份证号存成了数字，丢掉了最后几位（{value}）；请把此列的格式设为“文本”后重新输入",
        en: "Excel stored this ID number as a number and dropped its last digits ({value}); set the column's format to "
            + "Text and type it again")
    public let roundedID = MessageText(
        "import.rounded-id", zh: "；如果此列在 Excel 中是数字格式，最后几位已经丢失——请设为“文本”后重新输入",
        en: "; if the column was a number in Excel, it dropped the last digits — set it to Text and type them again")
    public let unknownGroups = MessageText(
        "import.unknown-groups",
        zh: "人员类别 {labels} 无法识别：此人已导入，但不带这些类别；请使用 {known}（或在步骤的 group_labels: / "
            + "--group-label 标签=类别 中说明这个标签）后重新导入此行",
        en: "unknown target group {labels}: the person was imported without it; use {known} (or name the label in the "
            + "step's group_labels: / --group-label LABEL=GROUP) and import this row again")
    public let importedWithoutPhone = MessageText(
        "import.imported-without-phone", zh: "：此人已导入，但不带手机号；改正号码后重新导入此行",
        en: ": the person was imported without it; correct the number and import this row again")
    public let noPersonGiven = MessageText("import.no-person-given", zh: "没有身份证号或手机号", en: "no ID number or phone")
    public let notRegistered = MessageText(
        "import.not-registered", zh: "{person} 未报名 {campaign}", en: "{person} is not registered for {campaign}")
    public let notADate = MessageText(
        "import.not-a-date", zh: "“{value}”不是日期，应写成 {example} 这样", en: "'{value}' is not a date such as {example}")

    // Enterprises and postings.
    public let noEnterprise = MessageText(
        "import.no-enterprise", zh: "此行没有企业：请填写统一社会信用代码或企业名称",
        en: "the row names no enterprise: give its credit code or its name")
    public let notOpenings = MessageText(
        "import.not-openings", zh: "“{value}”不是招聘人数（应为 1 或以上的整数）",
        en: "'{value}' is not a number of openings (a whole number, 1 or more)")
    public let notSalary = MessageText(
        "import.not-salary", zh: "“{value}”不是薪资；请写成 4000-6000、5000以上 或 面议",
        en: "'{value}' is not a salary; write it like 4000-6000, 5000以上 or 面议")
    public let badPostingCode = MessageText(
        "import.bad-posting-code", zh: "岗位编号“{value}”最多 {limit} 个字母、数字、- 或 _（展位工作人员要输入它）",
        en: "the posting code '{value}' must be at most {limit} letters, digits, - or _ (booth staff type it)")
    public let unknownCreditCode = MessageText(
        "import.unknown-credit-code", zh: "台账中没有统一社会信用代码为 {code} 的企业；请先导入企业",
        en: "no enterprise with credit code {code} is in the ledger; import the enterprises first")
    public let unknownEnterpriseName = MessageText(
        "import.unknown-enterprise-name", zh: "台账中没有名为“{name}”的企业；请先导入企业",
        en: "no enterprise named '{name}' is in the ledger; import the enterprises first")
    public let severalEnterprisesNamed = MessageText(
        "import.several-enterprises-named", zh: "有 {count} 家企业名为“{name}”；请填写统一社会信用代码",
        en: "{count} enterprises are named '{name}'; give the credit code")
    public let postingCodeTaken = MessageText(
        "import.posting-code-taken", zh: "岗位编号 {code} 已是该企业的岗位“{title}”的编号；同一企业的每个岗位请用不同编号",
        en: "the posting code {code} is already this enterprise's posting '{title}'; give each posting of an enterprise its own code")

    // A row read but not as it stands.
    public let sameAsRow = MessageText(
        "import.same-as-row", zh: "与第 {row} 行重复（保留第 {row} 行）", en: "the same record as row {row} (kept row {row})")
    public let sameAsRowOfSheet = MessageText(
        "import.same-as-row-of-sheet", zh: "与工作表 {sheet} 第 {row} 行重复（保留那一行）",
        en: "the same record as row {row} of sheet {sheet} (kept that row)")
    public let controlCharacters = MessageText(
        "import.control-characters", zh: "这个单元格含有正常文字中不会有的控制字符（如 NUL）；文件可能已损坏或不是表格导出的——请重新输入",
        en: "this cell holds control characters (such as NUL) that no text has; the file may be damaged or not a "
            + "spreadsheet export — retype the cell")
    public let replacementCharacter = MessageText(
        "import.replacement-character",
        zh: "这个单元格含有“\u{FFFD}”，这是编码不对造成的乱码；请重新输入，或重新导出文件（CSV 可试 --encoding gb18030）",
        en: "this cell holds '\u{FFFD}', the mark text garbled by a wrong encoding leaves; retype the cell, or export the "
            + "file again (for a CSV, try --encoding gb18030)")

    // Rows skipped, not refused.
    public let footerRow = MessageText(
        "import.footer-row", zh: "“{opening}”行，不是记录", en: "a {opening} row, not a record")
    public let blankRow = MessageText("import.blank-row", zh: "读取的各列都是空的", en: "nothing in the columns read")

    // About the file's sheets.
    public let sheetsNotRead = MessageText(
        "import.sheets-not-read", zh: "未读取：{sheets}（列与 '{first}' 不同）；请用 --sheet 名称 逐个导入",
        en: "not read: {sheets} (other columns than '{first}'); import each with --sheet NAME")
    public let sheetEmpty = MessageText("import.sheet-empty", zh: "工作表“{sheet}”是空的", en: "sheet '{sheet}' is empty")
    public let sheetWithoutHeader = MessageText(
        "import.sheet-without-header", zh: "工作表“{sheet}”没有本名单所需各列的表头行；未读取",
        en: "sheet '{sheet}' has no header row with the columns this list needs; not read")

    // --strict.
    public let strictRefused = MessageText(
        "import.strict-refused", zh: "{file}：{rows} 行中有 {bad} 行有误，因此什么都没有导入（--strict）：",
        en: "{file}: {bad} of {rows} rows are invalid, so nothing was imported (--strict): ")
    public let listSeparator = MessageText("import.list-separator", zh: "；", en: "; ")
    public let strictHint = MessageText(
        "import.strict-hint", zh: "改正 {rejects} 中列出的行后重新导入，或者不加 --strict 导入以保留有效的行",
        en: "fix the rows listed in {rejects} and import again, or import without --strict to keep the valid rows")

    // An import step's parameters.
    public let unknownColumnField = MessageText("import.unknown-column-field", zh: "'columns' 里有未知的字段“{key}”",
                                                en: "'columns' names an unknown field '{key}'")
    public let notATargetGroup = MessageText(
        "import.not-a-target-group", zh: "'group_labels' 把“{label}”对应到了一个不是重点群体的值",
        en: "'group_labels' maps '{label}' to something that is not a target group")
    public let useOneOf = MessageText("import.use-one-of", zh: "请用其中之一：{names}", en: "use one of {names}")
    public let unknownEncoding = MessageText("import.unknown-encoding", zh: "未知的编码“{name}”",
                                             en: "unknown encoding '{name}'")

    /// `姓名为空` / `the name is empty`.
    public static func empty(_ field: MessageText) -> Message { Message(field) + Message(isEmpty) }
    /// `姓名超过 30 个字` / `the name is longer than 30 characters`.
    public static func tooLong(_ field: MessageText, limit: Int) -> Message {
        Message(field) + Message(isLongerThan, ["limit": String(limit)])
    }
}

extension RowProblem {
    /// A problem in the column of `field`, named by the file's own header.
    public static func at(_ row: RowCells, _ field: String, fields: [FieldSpec], _ reason: Message) -> RowProblem {
        RowProblem(row: row.row, column: row.layout.header(for: field, fields: fields), reason: reason, cells: row.cells)
    }

    /// `at` with a catalogue entry and its values.
    public static func at(_ row: RowCells, _ field: String, fields: [FieldSpec], _ text: MessageText,
                          _ values: [String: String] = [:]) -> RowProblem {
        at(row, field, fields: fields, Message(text, values))
    }
}
