import Messages

/// What the table readers say about a file they cannot read — its encoding, a CSV quote left open,
/// a workbook's parts — in Chinese and English. The keys are those the ledger used before the
/// readers became a target of their own, so reasons stored then still read back.
public struct TableMessages: MessageCatalogue {
    public static let shared = TableMessages()

    public let attributeWithoutQuotes = MessageText("ledger.attribute-without-quotes", zh: "标签 <{name}> 有一个没加引号的属性值",
                                                    en: "a tag <{name}> has an attribute value without quotes")
    public let attributeWithoutValue = MessageText("ledger.attribute-without-value", zh: "标签 <{name}> 有一个没有值的属性",
                                                   en: "a tag <{name}> has an attribute without a value")
    public let cannotBeRead = MessageText("ledger.cannot-be-read", zh: "无法读取“{file}”：{part}：",
                                          en: "'{file}' cannot be read: {part}: ")
    public let cannotOpen = MessageText("ledger.cannot-open", zh: "无法打开“{path}”", en: "cannot open '{path}'")
    public let cannotUnpack = MessageText("ledger.cannot-unpack", zh: "“{file}”已损坏：{part} 无法解压（{reason}）",
                                          en: "'{file}' is damaged: {part} cannot be unpacked ({reason})")
    public let checkReadable = MessageText("ledger.check-readable", zh: "请检查路径以及文件是否可读",
                                           en: "check the path and that the file is readable")
    public let columnBeyond = MessageText("ledger.column-beyond", zh: "单元格引用“{reference}”超出了 Excel 的最后一列（XFD）",
                                          en: "cell reference '{reference}' is beyond Excel's last column (XFD)")
    public let doctype = MessageText("ledger.doctype", zh: "它声明了 DOCTYPE，而工作簿不需要", en: "it declares a DOCTYPE, which no workbook needs")
    public let itsSheets = MessageText("ledger.its-sheets", zh: "它的工作表：{names}", en: "its sheets: {names}")
    public let noConversion = MessageText("ledger.no-conversion", zh: "本系统无法转换 {encoding} 编码的文字（iconv）",
                                          en: "this system cannot convert {encoding} text (iconv)")
    public let noSharedString = MessageText(
        "ledger.no-shared-string", zh: "一个单元格指向共享字符串“{index}”，但工作簿只有 {count} 个",
        en: "a cell points to shared string '{index}', but the workbook has {count}")
    public let noSuchSheet = MessageText("ledger.no-such-sheet", zh: "工作簿里没有名为“{name}”的工作表",
                                         en: "the workbook has no sheet named '{name}'")
    public let noWorkbookPart = MessageText("ledger.no-workbook-part", zh: "“{file}”没有工作簿部分；它不是 .xlsx 文件",
                                            en: "'{file}' has no workbook part; it is not an .xlsx file")
    public let noWorksheet = MessageText("ledger.no-worksheet", zh: "“{file}”里没有工作表", en: "'{file}' has no worksheet")
    public let notReadable = MessageText("ledger.not-readable", zh: "“{file}”不是可读的 .xlsx 工作簿",
                                         en: "'{file}' is not a readable .xlsx workbook")
    public let notValidText = MessageText("ledger.not-valid-text", zh: "不是有效的文字", en: "not valid text")
    public let partOverLimit = MessageText("ledger.part-over-limit", zh: "“{file}”：其中的 {part} 解压后超过 {limit} MiB",
                                           en: "'{file}': its part {part} unpacks to more than {limit} MiB")
    public let partTooLarge = MessageText(
        "ledger.part-too-large", zh: "“{file}”：其中的 {part} 解压后有 {size} MiB，超过了工作簿允许的 {limit} MiB",
        en: "'{file}': its part {part} unpacks to {size} MiB, more than the {limit} MiB a workbook may hold")
    public let rowBeyond = MessageText("ledger.row-beyond", zh: "行号 {row} 超出了 Excel 的最后一行（{last}）",
                                       en: "row number {row} is beyond Excel's last row ({last})")
    public let saveAgain = MessageText("ledger.save-again", zh: "请用 Excel 或 WPS 重新另存为 .xlsx，或导出为 CSV",
                                       en: "save it again from Excel or WPS as .xlsx, or export it as CSV")
    public let saveAgainPlain = MessageText("ledger.save-again-plain", zh: "请用 Excel 或 WPS 重新保存，或导出为 CSV",
                                            en: "save it again from Excel or WPS, or export it as CSV")
    public let sheetMissing = MessageText("ledger.sheet-missing", zh: "工作簿“{file}”缺少工作表“{name}”",
                                          en: "sheet '{name}' is missing from the workbook '{file}'")
    public let sheetRow = MessageText("ledger.sheet-row", zh: "“{file}”，工作表第 {row} 行：", en: "'{file}', sheet row {row}: ")
    public let splitIt = MessageText("ledger.split-it", zh: "把名单拆成几个小文件，或导出为 CSV",
                                     en: "split the list into smaller files, or export it as CSV")
    public let zipBomb = MessageText(
        "ledger.zip-bomb", zh: "“{file}”：其中的 {part} 解压后是压缩大小的 {ratio} 倍；真实的工作簿只有 5 到 20 倍，因此按压缩炸弹拒绝",
        en: "'{file}': its part {part} unpacks to {ratio} times its packed size; real workbooks pack 5 to 20 times, so it is refused as a zip bomb")
    public let unclosedQuote = MessageText(
        "import.unclosed-quote",
        zh: "这个单元格开了一个引号（\"）却没有闭合，文件其余部分都会被读进它；此行按行尾读取并拒绝——删除或闭合引号后重新导入此行",
        en: "this cell opens a quote (\") that never closes, so the rest of the file would have been read into it; the row "
            + "was read up to its line end and refused — remove the quote, or close it, and import the row again")
    public let undecodable = MessageText(
        "import.undecodable",
        zh: "这个单元格有不是 {encoding} 编码的字节，读出来会是乱码；如果文件（或这些行）是以 {other} 保存的，请用 --encoding {other} "
            + "导入（步骤中写 encoding: {other}），或重新输入这个单元格",
        en: "this cell has bytes that are not {encoding} text, so it cannot be read without garbling it; if the file (or "
            + "these rows) was saved as {other}, import it with --encoding {other} (encoding: {other} in a step), or retype the cell")
    public let unknownEncoding = MessageText("import-file.unknown-encoding", zh: "无法识别的编码“{name}”",
                                             en: "unknown encoding '{name}'")
    public let encodings = MessageText(
        "import-file.encodings", zh: "请用 utf-8 或 gb18030（gbk、gb2312 按 gb18030 读取）",
        en: "use utf-8 or gb18030 (gbk and gb2312 are read as gb18030)")
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
