import Workflow

/// What an import says about itself once done — `campaign import`'s report and the notes an
/// import step leaves in the run's history — in Chinese and English (the message catalogue).
public struct ImportReportMessages: MessageCatalogue {
    public static let shared = ImportReportMessages()

    public let imported = MessageText("import-report.imported", zh: "已导入 {file}（{format}{rate}）",
                                      en: "Imported {file} ({format}{rate})")
    public let rate = MessageText("import-report.rate", zh: "，{seconds} 秒，每秒 {speed} 行",
                                  en: ", {seconds} s, {speed} rows/s")
    public let sheetLine = MessageText(
        "import-report.sheet-line", zh: "工作表 {sheet}：表头在第 {header} 行，{rows} 行，拒绝 {rejected} 行，跳过 {skipped} 行",
        en: "sheet {sheet}: header row {header}, {rows} rows, {rejected} rejected, {skipped} skipped")
    public let placeFromSheetName = MessageText(
        "import-report.place-from-sheet-name", zh: "，{field}取自工作表名", en: ", {field} from the sheet's name")
    public let headerRow = MessageText("import-report.header-row", zh: "表头在第 {header} 行", en: "header row {header}")
    public let aboveIt = MessageText("import-report.above-it", zh: "；表头上方：{text}", en: "; above it: {text}")
    public let aboveHeaders = MessageText("import-report.above-headers", zh: "表头上方：{text}",
                                          en: "above the headers: {text}")
    public let rowsNew = MessageText("import-report.rows-new", zh: "{rows} 行：新增 {new}", en: "{rows} rows: {new} new")
    public let rowsKept = MessageText("import-report.rows-kept", zh: "，更新 {updated}，未变 {unchanged}，",
                                      en: ", {updated} updated, {unchanged} unchanged, ")
    public let rowsRejected = MessageText("import-report.rows-rejected", zh: "拒绝 {rejected}", en: "{rejected} rejected")
    public let rowsSkipped = MessageText("import-report.rows-skipped", zh: "；跳过 {skipped} 行（合计、备注、空行）",
                                         en: "; {skipped} skipped (totals, notes, empty lines)")
    public let skippedRow = MessageText("import-report.skipped-row", zh: "跳过 {row}", en: "skipped {row}")
    public let moreSkipped = MessageText("import-report.more-skipped", zh: "……另有 {count} 行跳过",
                                         en: "… and {count} more skipped")
    public let registered = MessageText("import-report.registered", zh: "新报名到 {campaign}：{count} 人",
                                        en: "{count} newly registered to {campaign}")
    public let linked = MessageText("import-report.linked", zh: "新关联到 {campaign}：{count} 条",
                                    en: "{count} newly linked to {campaign}")
    public let moreRejected = MessageText("import-report.more-rejected", zh: "……另有 {count} 行",
                                          en: "… and {count} more")
    public let rejectFile = MessageText("import-report.reject-file", zh: "被拒绝的行及每行的原因：{file}",
                                        en: "Rejected rows, with the reason for each: {file}")
    public let rejectFileMoved = MessageText(
        "import-report.reject-file-moved", zh: "（输入文件所在的文件夹是只读的，所以拒绝文件放在工作区旁边）",
        en: "(the input's folder is read-only, so the reject file is beside the workspace)")
    public let fixThere = MessageText(
        "import-report.fix-there", zh: "在那个文件里改正后重新导入它；有效的行已经导入。",
        en: "Fix them there and import that file again; the valid rows are already in.")
    public let rowsWereRejected = MessageText(
        "import-report.rows-were-rejected", zh: "{count} 行未导入；其余的行已导入", en: "{count} rows were rejected; the other rows were imported")
    public let fixAndAllow = MessageText(
        "import-report.fix-and-allow", zh: "改正 {file} 中的行后重新导入该文件，或加 --allow-rejects 接受这次导入（退出码 0）",
        en: "fix the rows in {file} and import that file again, or pass --allow-rejects to accept the import as it is (exit 0)")

    // Notes an import step leaves in the run's history.
    public let noteHeader = MessageText("import-report.note-header", zh: "{file}：{format}；表头在第 {header} 行",
                                        en: "{file}: {format}; header row {header}")
    public let noteUnder = MessageText("import-report.note-under", zh: "，上方是 {text}", en: " under {text}")
    public let noteSkipped = MessageText(
        "import-report.note-skipped", zh: "跳过 {count} 行（合计、备注、空行）：{rows}",
        en: "{count} rows skipped (totals, notes, empty lines): {rows}")
    public let noteMoreRejected = MessageText("import-report.note-more-rejected", zh: "……另有 {count} 行被拒绝",
                                              en: "… and {count} more rejected rows")
    public let noteRejectFile = MessageText(
        "import-report.note-reject-file", zh: "被拒绝的行及原因在 {file}；改正后重新导入该文件",
        en: "rejected rows, with reasons, are in {file}; fix and import that file again")
}
