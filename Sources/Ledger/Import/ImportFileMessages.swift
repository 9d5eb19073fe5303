import Workflow

/// Why an import could not read a file at all — missing, empty, an old workbook, its headers — in
/// Chinese and English (the message catalogue). Rows refused one by one are `ImportMessages`.
public struct ImportFileMessages: MessageCatalogue {
    public static let shared = ImportFileMessages()

    public let noSuchFile = MessageText("import-file.no-such-file", zh: "文件“{path}”不存在", en: "file '{path}' does not exist")
    public let checkPath = MessageText("import-file.check-path", zh: "请检查路径", en: "check the path")
    public let csvHasNoSheets = MessageText("import-file.csv-has-no-sheets", zh: "“{file}”是 CSV 文件，没有工作表",
                                            en: "'{file}' is a CSV file and has no sheets")
    public let leaveOutSheet = MessageText("import-file.leave-out-sheet", zh: "去掉 --sheet（步骤中的 sheet:）",
                                           en: "leave out --sheet (sheet: in a step)")
    public let oldWorkbook = MessageText(
        "import-file.old-workbook", zh: "“{file}”是旧式的 .{ext} 工作簿，而能转换它的 LibreOffice 没有安装",
        en: "'{file}' is an old-style .{ext} workbook, and LibreOffice, which converts it, is not installed")
    public let convertTimedOut = MessageText(
        "import-file.convert-timed-out", zh: "LibreOffice 在 {seconds} 秒内没有转换完“{file}”",
        en: "LibreOffice did not finish converting '{file}' within {seconds} s")
    public let convertFailed = MessageText(
        "import-file.convert-failed", zh: "LibreOffice 无法把“{file}”转换为 .xlsx（退出码 {status}）；它可能已损坏或不是工作簿",
        en: "LibreOffice could not convert '{file}' to .xlsx (exit {status}); it may be damaged or not a workbook")
    public let saveAsXLSX = MessageText(
        "import-file.save-as-xlsx",
        zh: "用 Excel 或 WPS 打开它并另存为 .xlsx（文件 → 另存为 → Excel 工作簿），或安装 LibreOffice"
            + "（Debian：apt-get install libreoffice-calc-nogui）让 campaign 来转换",
        en: "open it in Excel or WPS and save it as .xlsx (文件 → 另存为 → Excel 工作簿), or install LibreOffice "
            + "(Debian: apt-get install libreoffice-calc-nogui) so campaign converts it")
    public let unknownField = MessageText("import-file.unknown-field", zh: "columns 中有未知字段“{key}”",
                                          en: "'columns' names an unknown field '{key}'")
    public let mappedHeaderMissing = MessageText(
        "import-file.mapped-header-missing", zh: "{file}：columns 把 {key} 对应到表头“{header}”，但文件中没有这一列",
        en: "{file}: 'columns' maps {key} to the header '{header}', which the file does not have")
    public let fileHeaders = MessageText("import-file.file-headers", zh: "文件的表头：{headers}", en: "the file's headers: {headers}")
    public let noColumnIn = MessageText(
        "import-file.no-column-in", zh: "{file}：前 {rows} 行中没有一行有 {names} 这一列；最接近的是第 {row} 行",
        en: "{file}: none of the first {rows} rows has a column for {names}; the closest is row {row}")
    public let noColumn = MessageText(
        "import-file.no-column", zh: "{file}：表头行（第 {row} 行）没有 {names} 这一列",
        en: "{file}: the header row (row {row}) has no column for {names}")
    public let guessesOpen = MessageText("import-file.guesses-open", zh: "您是不是指", en: "did you mean ")
    public let guessesClose = MessageText("import-file.guesses-close", zh: "？", en: "? ")
    public let guess = MessageText("import-file.guess", zh: "“{header}”作为{label}", en: "'{header}' for {label}")
    public let headersFound = MessageText(
        "import-file.headers-found",
        zh: "第 {row} 行的表头：{headers}；请改列名，或用 columns: 对应（例如 columns: { {key}: 证件号 }，或 --column {key}=证件号）",
        en: "headers found in row {row}: {headers}; rename the column, or map it with 'columns:' (e.g. columns: { {key}: 证件号 }, "
            + "or --column {key}=证件号)")
    public let noRows = MessageText("import-file.no-rows", zh: "“{file}”的各个工作表都没有行", en: "'{file}' has no rows in any of its sheets")
    public let headerRowNeeded = MessageText("import-file.header-row-needed", zh: "表头行应是各列的列名",
                                             en: "the header row must hold the column headers")
    public let empty = MessageText("import-file.empty", zh: "“{file}”是空的", en: "'{file}' is empty")
    public let firstRowHeaders = MessageText("import-file.first-row-headers", zh: "第一行应是各列的列名",
                                             en: "the first row must hold the column headers")
    public let otherColumns = MessageText(
        "import-file.other-columns", zh: "“{file}”的工作表“{sheet}”与工作表“{first}”的列不同，不能一起导入",
        en: "sheet '{sheet}' of '{file}' has other columns than sheet '{first}', so the sheets cannot be imported together")
    public let importAlone = MessageText(
        "import-file.import-alone", zh: "用 --sheet '{sheet}'（步骤中的 sheet:）单独导入它，或让它的表头行与其他表相同",
        en: "import it on its own with --sheet '{sheet}' (sheet: in a step), or give it the same header row")
    public let changedWhileRead = MessageText(
        "import-file.changed-while-read", zh: "“{file}”的工作表“{sheet}”在读取时被改动了", en: "sheet '{sheet}' of '{file}' changed while it was read")
    public let importAgain = MessageText("import-file.import-again", zh: "请重新导入", en: "import it again")
    public let cannotWriteRejects = MessageText(
        "import-file.cannot-write-rejects", zh: "无法写入拒绝文件“{path}”{why}", en: "cannot write the reject file '{path}'{why}")
    public let makeWritable = MessageText(
        "import-file.make-writable", zh: "让输入文件所在的文件夹可写，或清理它所在磁盘的空间",
        en: "make the folder of the input file writable, or free space on its disk")
    public let freeSpace = MessageText(
        "import-file.free-space", zh: "清理磁盘空间后重新导入；这次什么都没有导入", en: "free space on its disk and import again; nothing was imported")
}
