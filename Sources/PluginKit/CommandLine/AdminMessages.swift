import Workflow

/// What the workspace's housekeeping commands print — audit, backup, restore, shred, the daemon,
/// unschedule, cancel, staff revoke — in Chinese and English.
public struct AdminMessages: MessageCatalogue {
    public static let shared = AdminMessages()

    public let auditHeaders = MessageText("admin.audit-headers", zh: "时间|操作人|操作|活动|详情", en: "time|who|what|campaign|detail")
    public let wroteEntries = MessageText("admin.wrote-entries", zh: "已写出 {count} 条记录到 {file}", en: "wrote {count} entries to {file}")
    public let entries = MessageText("admin.entries", zh: "{count} 条记录", en: "{count} entries")
    /// An export's detail: what left the workspace, how many rows, to which file.
    public let exported = MessageText("admin.exported", zh: "{what}：{rows} 行，写入 {file}", en: "{what}: {rows} rows to {file}")
    public let scanHistory = MessageText("admin.scan-history", zh: "扫码记录（已脱敏）", en: "scan history (masked)")
    public let badges = MessageText("admin.badges", zh: "胸卡（姓名和证码）", en: "badges (names and codes)")
    public let outcomeList = MessageText("admin.outcome-list", zh: "求职结果名单（已脱敏）", en: "outcome list (masked)")
    public let daemonStarted = MessageText("admin.daemon-started", zh: "守护进程已启动（pid {pid}）；按 Ctrl-C 停止",
                                           en: "daemon started (pid {pid}); stop with Ctrl-C")
    public let standingBy = MessageText("admin.standing-by", zh: "另一个守护进程（{host} 上的 pid {pid}）正在运行这个工作区；本进程待命",
                                        en: "another daemon (pid {pid} on {host}) runs this workspace; standing by")
    public let tookOver = MessageText("admin.took-over", zh: "另一个守护进程已停止；由本进程接管",
                                      en: "the other daemon stopped; this one takes over")
    public let startedScheduled = MessageText("admin.started-scheduled", zh: "已开始定时活动 {campaign}——{status}",
                                              en: "started scheduled campaign {campaign} — {status}")
    public let drove = MessageText("admin.drove", zh: "{campaign}——{status}", en: "{campaign} — {status}")
    public let cannotGoOn = MessageText("admin.cannot-go-on", zh: "{campaign} 无法继续：{reason}", en: "{campaign} cannot go on: {reason}")
    public let daemonStopped = MessageText("admin.daemon-stopped", zh: "守护进程已停止", en: "daemon stopped")
    public let unscheduled = MessageText("admin.unscheduled", zh: "定时 {name} 已删除；它开始的活动保留不变",
                                         en: "Schedule {name} removed; the campaigns it started stay.")
    public let wouldShred = MessageText("admin.would-shred", zh: "将销毁 {campaign} 中 {count} 人的个人信息；本次什么都没有改变",
                                        en: "would shred {count} people of {campaign}; nothing changed")
    public let andMore = MessageText("admin.and-more", zh: "……另有 {count} 人", en: "… and {count} more")
    public let shredding = MessageText("admin.shredding", zh: "正在销毁 {campaign} 的个人信息，然后重写文件……",
                                       en: "shredding {campaign}'s personal data, then rewriting the file…")
    public let shredded = MessageText(
        "admin.shredded", zh: "✓ 已销毁 {campaign} 中 {count} 人的个人信息；重写了 {rows} 行，文件已压缩",
        en: "✓ shredded the personal data of {count} people of {campaign}; {rows} rows rewritten, the file compacted")
    public let walStillHolds = MessageText(
        "admin.wal-still-holds",
        zh: "另一个程序（campaign serve？）正在读这个工作区：在它停止前 WAL 文件还留有旧的页面；停止它后再运行一次 campaign shred，或等它下一次检查点",
        en: "another program (campaign serve?) is reading the workspace: the WAL file still holds old pages until it stops; stop it and run campaign shred again, or wait for its next checkpoint")
    public let backupsStillHold = MessageText(
        "admin.backups-still-hold", zh: "{folder} 中有 {count} 个备份仍含这些数据；campaign backup --keep 轮换时会删掉它们，也可以手动删除",
        en: "{count} backup(s) in {folder} still hold the data; they go as campaign backup --keep rotates them, or delete them")
    public let filesWouldGo = MessageText("admin.files-would-go", zh: "将销毁它写出的 {count} 个含人员信息的文件：{files}",
                                          en: "would destroy {count} file(s) it wrote with people in them: {files}")
    public let filesDestroyed = MessageText("admin.files-destroyed", zh: "已覆写并删除它写出的 {count} 个含人员信息的文件（拒收行、导出名单）",
                                            en: "overwrote and removed {count} file(s) it wrote with people in them (rejected rows, exported lists)")
    public let fileUnreachable = MessageText(
        "admin.file-unreachable", zh: "{file} 已不在写出的位置（被移动或删除）：无法销毁；若有副本（U 盘、邮件），请自行销毁",
        en: "{file} is no longer where it was written (moved or deleted): not destroyed; destroy any copy (USB stick, e-mail) yourself")
    public let keptElsewhere = MessageText("admin.kept-elsewhere", zh: "保留了 {count} 名也在未销毁活动中登记的人员：{by}",
                                           en: "kept {count} people also registered in campaigns not shredded: {by}")
    public let backedUp = MessageText("admin.backed-up", zh: "✓ 已备份到 {file}——{size} MB，用时 {seconds} 秒，已校验（完整性正常）",
                                      en: "✓ backed up to {file} — {size} MB in {seconds} s, verified (integrity ok)")
    public let removedBackups = MessageText("admin.removed-backups", zh: "删除了 {count} 个较早的备份（保留 {keep} 个）：{names}",
                                            en: "removed {count} older backup(s) (keeping {keep}): {names}")
    public let restored = MessageText("admin.restored", zh: "✓ 已从 {file} 恢复 {workspace}", en: "✓ restored {workspace} from {file}")
    public let replaced = MessageText("admin.replaced", zh: "被替换的：{counts}——已另存为 {aside}",
                                      en: "replaced: {counts} — kept aside as {aside}")
    public let now = MessageText("admin.now", zh: "现在：{counts}", en: "now: {counts}")
    public let cancelRecorded = MessageText(
        "admin.cancel-recorded", zh: "已记录取消：正在运行 {campaign} 的进程（pid {pid}）会在一秒内停止它",
        en: "Cancel recorded: the process driving {campaign} (pid {pid}) stops it within a second.")
    public let revoked = MessageText("admin.revoked", zh: "✓ {name} 的令牌已失效", en: "✓ {name}'s token no longer works")
    public let nothingToResume = MessageText("admin.nothing-to-resume", zh: "没有需要继续的活动：所有活动都已完成。",
                                             en: "Nothing to resume: every campaign has completed.")

    public let choreBackedUp = MessageText("admin.chore-backed-up", zh: "已备份到 {file}——{size} MB，已校验",
                                           en: "backed up to {file} — {size} MB, verified")
    public let choreRemoved = MessageText("admin.chore-removed", zh: "；删除了 {count} 个较早的备份（保留 {keep} 个）",
                                          en: "; removed {count} older (keeping {keep})")
    public let retentionEnded = MessageText("admin.retention-ended", zh: "{campaign}：保留期满，已销毁 {count} 人的个人信息",
                                            en: "{campaign}: retention ended; personal data of {count} people shredded")

    // `campaign plugins`: the framing words (summaries and parameter docs are the plugins' own reference, in English).
    public let pluginsCommands = MessageText("admin.plugins-commands", zh: "命令", en: "commands")
    public let pluginsImports = MessageText("admin.plugins-imports", zh: "可导入的名单", en: "imports")
    public let pluginsMeasures = MessageText("admin.plugins-measures", zh: "统计指标", en: "tally measures")
    public let pluginsProgram = MessageText("admin.plugins-program", zh: "外部程序", en: "external program")
    public let pluginsWaits = MessageText("admin.plugins-waits", zh: "（等待人工）", en: " (waits)")
    public let pluginsRequired = MessageText("admin.plugins-required", zh: "必填", en: "required")
    public let pluginsDefault = MessageText("admin.plugins-default", zh: "默认 {value}", en: "default {value}")
    public let pluginsOutput = MessageText("admin.plugins-output", zh: "→ 输出 outputs.{name}：{doc}", en: "→ outputs.{name}: {doc}")
}
