import Workflow

/// The staff page's own words — its title, sign-in, the answer box, the server's refusals it words
/// itself — in Chinese and English. Each plugin's panel brings its own.
public struct PageWords: MessageCatalogue {
    public static let shared = PageWords()

    public let title = MessageText("page.title", zh: "签到", en: "Check-in")
    public let token = MessageText("page.token", zh: "工作人员令牌", en: "Staff token")
    public let signIn = MessageText("page.signin", zh: "登录", en: "Sign in")
    public let badToken = MessageText("page.bad-token", zh: "令牌无效", en: "Token not accepted")
    public let late = MessageText("page.late", zh: "（补发）", en: "(sent late)")
    public let accepted = MessageText("page.result.accepted", zh: "签到成功", en: "Checked in")
    public let repeated = MessageText("page.result.repeat", zh: "已签到过", en: "Already checked in")
    public let rejected = MessageText("page.result.rejected", zh: "不能签到", en: "Refused")
    public let queued = MessageText("page.result.queued", zh: "未发送", en: "Not sent")
    public let storageFull = MessageText("page.error.storage-full", zh: "服务器磁盘已满，本次操作未保存。请通知管理员清理磁盘空间后重试",
                                         en: "The server's disk is full: this was not saved. Ask the organizer to free space, then try again")
    public let storageReadOnly = MessageText("page.error.storage-read-only", zh: "服务器上的工作区为只读，本次操作未保存。请通知管理员",
                                             en: "The workspace on the server is read-only: this was not saved. Tell the organizer")
    public let storageBusy = MessageText("page.error.storage-busy", zh: "服务器正忙（另一个命令正在写入），请稍后重试",
                                         en: "The server is busy (another command is writing); try again in a moment")
    public let storageDamaged = MessageText("page.error.storage-damaged", zh: "服务器上的工作区文件已损坏。请通知管理员从备份恢复",
                                            en: "The workspace file on the server is damaged. Ask the organizer to restore it from a backup")
    public let storageIO = MessageText("page.error.storage-io", zh: "服务器读写磁盘出错，本次操作未保存。请通知管理员",
                                       en: "The server could not read or write its disk: this was not saved. Tell the organizer")
    public let shredded = MessageText("page.error.ledger.shredded", zh: "本场活动的个人信息已按保留期限销毁：不能再登记人员或记录结果",
                                      en: "This campaign's personal data was shredded when its retention ended: it takes no new people or outcomes")
    public let throttled = MessageText("page.error.sign-in-throttled", zh: "这台设备输错令牌次数过多，请等一分钟再试",
                                       en: "Too many wrong tokens from this device; wait a minute and try again")
}
