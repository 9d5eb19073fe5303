/// What the engine says when the workspace, a backup, a definition file, a variable or a schedule
/// is not as a command needs it, in Chinese and English.
public struct WorkspaceMessages: MessageCatalogue {
    public static let shared = WorkspaceMessages()

    // The workspace.
    public let cannotOpen = MessageText("workspace.cannot-open", zh: "无法打开工作区“{path}”：{reason}",
                                        en: "cannot open the workspace '{path}': {reason}")
    public let cannotOpenHint = MessageText(
        "workspace.cannot-open-hint", zh: "请检查文件夹是否存在且可写，或用 --db PATH 选择另一个文件",
        en: "check that the folder exists and is writable, or choose another file with --db PATH")
    public let networkFilesystem = MessageText(
        "workspace.network-filesystem",
        zh: "工作区“{path}”在网络文件系统（{kind}）上：SQLite 的预写日志只在同一台机器的进程之间有效，两台机器共用会悄悄损坏数据",
        en: "the workspace '{path}' is on a network filesystem ({kind}): SQLite's write-ahead log works only between processes of one host, and two hosts sharing it corrupt it silently")
    public let networkFilesystemHint = MessageText(
        "workspace.network-filesystem-hint",
        zh: "把工作区放在本机磁盘上（--db 本地路径）；需要多台机器共用的是汇总：用 campaign publish 发布到省级数据库",
        en: "keep the workspace on this machine's own disk (--db a local path); what several machines share is the sum: publish it to the province's database with campaign publish")
    public let cannotPrepare = MessageText("workspace.cannot-prepare", zh: "无法准备工作区“{path}”：{reason}",
                                           en: "cannot prepare the workspace '{path}': {reason}")
    public let cannotPrepareHint = MessageText(
        "workspace.cannot-prepare-hint", zh: "这是 campaign 的工作区吗？它可能属于更新的版本",
        en: "is it a campaign workspace? It may belong to a newer version")
    public let readOnlyWithLog = MessageText(
        "workspace.read-only-with-log", zh: "工作区“{path}”是只读的，而它最近的改动还在“{path}-wal”里，这里读不到",
        en: "the workspace '{path}' is read-only and its last changes are still in '{path}-wal', which cannot be read here")
    public let copyWithLog = MessageText(
        "workspace.copy-with-log", zh: "把工作区连同它的 -wal 文件复制到一个可写的文件夹，在那里运行命令",
        en: "copy the workspace together with its -wal file to a folder you can write and run the command there")
    public let cannotOpenReadOnly = MessageText("workspace.cannot-open-read-only", zh: "无法打开只读的工作区“{path}”：{reason}",
                                                en: "cannot open the read-only workspace '{path}': {reason}")
    public let copyIt = MessageText("workspace.copy-it", zh: "把它复制到一个可写的文件夹，在那里运行命令",
                                    en: "copy it to a folder you can write and run the command there")
    public let readOnlyOld = MessageText(
        "workspace.read-only-old", zh: "工作区“{path}”是只读的，并且由较早版本的 campaign 创建，需要先给它加上新的表",
        en: "the workspace '{path}' is read-only, and was made by an earlier version of campaign that must first add its new tables to it")

    // Definition files, variables, schedules.
    public let cannotReadFile = MessageText("workspace.cannot-read-file", zh: "无法读取“{path}”：文件不存在或不可读",
                                            en: "cannot read '{path}': the file does not exist or is not readable")
    public let checkPath = MessageText("workspace.check-path", zh: "请检查路径；活动定义通常在 workflows/ 里",
                                       en: "check the path; definitions usually live in workflows/")
    public let notUTF8 = MessageText("workspace.not-utf8", zh: "“{path}”不是 UTF-8 文本", en: "'{path}' is not UTF-8 text")
    public let saveAsUTF8 = MessageText("workspace.save-as-utf8", zh: "把文件另存为 UTF-8（多数编辑器在“另存为”里可选）",
                                        en: "save the file as UTF-8 (most editors offer it under 'Save as')")
    public let noSuchVariable = MessageText("workspace.no-such-variable", zh: "活动没有声明变量“{name}”",
                                            en: "the campaign declares no variable '{name}'")
    public let templateSchedule = MessageText(
        "workspace.template-schedule", zh: "带 'on: schedule:' 的模板暂时不能定时运行：每次运行都需要它的输入",
        en: "a template with 'on: schedule:' cannot be scheduled yet: each run would need its inputs")
    public let templateScheduleHint = MessageText(
        "workspace.template-schedule-hint", zh: "把定时放到普通的活动定义里，把值写在 'vars:' 下",
        en: "give the schedule to a plain definition, with the values as 'vars:'")
    public let alreadyScheduled = MessageText("workspace.already-scheduled", zh: "活动“{name}”已经定时了",
                                              en: "campaign '{name}' is already scheduled")
    public let alreadyScheduledHint = MessageText(
        "workspace.already-scheduled-hint", zh: "要修改，先运行 `campaign unschedule {name}`，再开始新的定义",
        en: "to change it, run `campaign unschedule {name}`, then start the new definition")
    public let noSchedule = MessageText("workspace.no-schedule", zh: "没有名为“{name}”的定时", en: "no schedule named '{name}'")
    public let nothingScheduled = MessageText("workspace.nothing-scheduled", zh: "没有任何定时", en: "nothing is scheduled")
    public let schedules = MessageText("workspace.schedules", zh: "已有的定时：{names}", en: "schedules: {names}")

    // Backups and restores.
    public let cannotCreateFolder = MessageText("workspace.cannot-create-folder", zh: "无法创建备份文件夹 {path}：{reason}",
                                                en: "cannot create the backup folder {path}: {reason}")
    public let exists = MessageText("workspace.exists", zh: "{path} 已经存在", en: "{path} exists already")
    public let existsHint = MessageText("workspace.exists-hint", zh: "换一个名字，或让 --to 指向一个文件夹",
                                        en: "choose another name, or leave --to a folder")
    public let backupNotWritten = MessageText("workspace.backup-not-written", zh: "备份无法写入 {path}：{reason}",
                                              en: "the backup could not be written to {path}: {reason}")
    public let writableWithRoom = MessageText("workspace.writable-with-room", zh: "请检查文件夹可写、磁盘有空间",
                                              en: "check the folder is writable and the disk has room")
    public let noFile = MessageText("workspace.no-file", zh: "{path} 处没有文件", en: "no file at {path}")
    public let cannotBeOpened = MessageText(
        "workspace.cannot-be-opened", zh: "{name} 已损坏或不是工作区：无法打开（{reason}）",
        en: "{name} is damaged or not a workspace: it cannot be opened ({reason})")
    public let useAnotherBackup = MessageText("workspace.use-another-backup", zh: "请换一个备份", en: "use another backup")
    public let notADatabase = MessageText("workspace.not-a-database", zh: "{name} 已损坏或不是数据库：{reason}",
                                          en: "{name} is damaged or not a database: {reason}")
    public let damaged = MessageText("workspace.damaged", zh: "{name} 已损坏：{reason}", en: "{name} is damaged: {reason}")
    public let notAWorkspace = MessageText("workspace.not-a-workspace", zh: "{name} 是数据库，但不是活动工作区",
                                           en: "{name} is a database, but not a campaign workspace")
    public let restoreABackup = MessageText("workspace.restore-a-backup", zh: "请恢复由 `campaign backup` 写出的文件",
                                            en: "restore a file `campaign backup` wrote")
    public let inUse = MessageText(
        "workspace.in-use", zh: "工作区正被 `campaign serve` 或 `run-daemon` 使用（{host} 上的进程 {pid}）",
        en: "the workspace is in use by `campaign serve` or `run-daemon` (process {pid} on {host})")
    public let stopThenRestore = MessageText("workspace.stop-then-restore", zh: "先停止它，再恢复", en: "stop it, then restore")

    public let foreignSchema = MessageText(
        "workspace.foreign-schema", zh: "备份的结构与本程序的工作区不同（多出的表：{foreign}；缺少的表：{missing}）；未恢复",
        en: "the backup's structure is not this program's workspace (tables no migration makes: {foreign}; missing: {missing}); "
            + "nothing was restored")
    public let foreignSchemaHint = MessageText("workspace.foreign-schema-hint", zh: "请恢复 `campaign backup` 写出的原始备份",
                                               en: "restore an unaltered file `campaign backup` wrote")
    public let schemaRepaired = MessageText(
        "workspace.schema-repaired", zh: "备份中的触发器或索引与迁移定义不同，已按迁移重建：{changes}",
        en: "the backup's triggers or indexes differed from what the migrations define and were rebuilt: {changes}")
}
