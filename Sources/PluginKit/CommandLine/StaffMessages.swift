import Workflow

/// What `campaign staff` and `campaign serve` tell the person setting up the gates, in Chinese and
/// English (the message catalogue).
public struct StaffMessages: MessageCatalogue {
    public static let shared = StaffMessages()

    public let canSignIn = MessageText(
        "staff.can-sign-in", zh: "{name}（{role}）可以用这个令牌登录——它只显示这一次：",
        en: "{name} ({role}) can sign in with this token — it is shown only now:")
    public let signInLink = MessageText(
        "staff.sign-in-link", zh: "登录链接：{link}\n  用手机相机扫描：", en: "Sign-in link: {link}\n  Scan it with the phone's camera:")
    public let revokeWith = MessageText("staff.revoke-with", zh: "吊销：campaign staff revoke {name}",
                                        en: "Revoke it with: campaign staff revoke {name}")
    public let noAccounts = MessageText("staff.no-accounts", zh: "还没有工作人员账号。添加：campaign staff add 姓名",
                                        en: "No staff accounts. Add one: campaign staff add NAME")
    /// A role as the list shows it (the value `--role` takes stays as it is typed).
    public let roleStaff = MessageText("staff.role-staff", zh: "工作人员", en: "staff")
    public let roleManager = MessageText("staff.role-manager", zh: "管理员", en: "manager")
    public let roleOrganizer = MessageText("staff.role-organizer", zh: "组织者", en: "organizer")
    public let since = MessageText("staff.since", zh: "{time} 起", en: "since {time}")
    public let active = MessageText("staff.active", zh: "有效", en: "active")
    public let revoked = MessageText("staff.revoked", zh: "{time} 已吊销", en: "revoked {time}")
    public let checkInAt = MessageText("serve.check-in-at", zh: "{campaign} 签到页面：{addresses}",
                                       en: "Check-in for {campaign} at {addresses}")
    public let or = MessageText("serve.or", zh: "  或  ", en: "  or  ")
    public let noStaffYet = MessageText(
        "serve.no-staff-yet", zh: "还没有工作人员账号：先用 `campaign staff add 姓名` 添加，再用它的令牌登录。",
        en: "No staff accounts yet: add one with `campaign staff add NAME`, then sign in with its token.")
    public let runsAt = MessageText("serve.runs-at", zh: "各活动的运行页面（组织者和管理人员）：{addresses}",
                                    en: "Runs of every campaign (organizers and managers) at {addresses}")
    public let stopWith = MessageText("serve.stop-with", zh: "按 Ctrl-C 停止。", en: "Stop with Ctrl-C.")

    public let scanToOpen = MessageText("staff.scan-to-open", zh: "用手机扫描下面的二维码打开 {address}：",
                                        en: "scan this with a phone to open {address}:")

    public let trustFirst = MessageText(
        "staff.trust-first", zh: "每部手机先打开一次 {address}：下载并信任本机证书，然后用 https 地址签到（可以用摄像头扫码）",
        en: "each phone first opens {address} once: downloads and trusts this laptop's certificate, then checks in over https (with the camera)")
}
