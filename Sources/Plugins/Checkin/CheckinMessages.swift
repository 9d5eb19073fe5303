import Ledger
import Workflow

/// Every answer a gate gives, in Chinese and English: the catalogue entries of the check-in plugin.
/// A scan stores the keys and values of its answer, so its reason reads in either language later.
public struct CheckinMessages: MessageCatalogue {
    public static let shared = CheckinMessages()

    public let unknownCheckpoint = MessageText(
        "checkin.unknown-checkpoint", zh: "{campaign} 没有检查点“{checkpoint}”；可用的检查点：{checkpoints}",
        en: "{campaign} has no checkpoint '{checkpoint}'; its checkpoints: {checkpoints}")
    public let admissionClosed = MessageText(
        "checkin.admission-closed", zh: "此人所乘车辆已于 {time} 发车：不能再上车；如确已随车，由管理员放行",
        en: "this person's bus left at {time}: no boarding now; if they are aboard, only a manager may let them through")
    public let wrongDay = MessageText(
        "checkin.wrong-day", zh: "此人应在 {day} 通过此处，不是今天（{today}）；确需今天通过，由管理员放行",
        en: "this person is due here on {day}, not today ({today}); only a manager may let them through today")
    public let otherVehicle = MessageText(
        "checkin.other-vehicle", zh: "{staff} 是 {vehicle} 的押车员，只能在这辆车的车门扫码（这次是“{gate}”）",
        en: "{staff} escorts {vehicle} and scans at that bus's door only (this scan was at '{gate}')")
    public let checkedIn = MessageText("checkin.accepted", zh: "签到成功", en: "checked in")
    public let checkedInOffline = MessageText("checkin.accepted-offline", zh: "签到成功（{time} 离线时扫码，网络恢复后补发）",
                                              en: "checked in (scanned offline at {time}, sent when the network returned)")
    public let repeatAt = MessageText(
        "checkin.repeat", zh: "已于 {time} 签到过", en: "already checked in at {time}")
    public let repeatAtGate = MessageText(
        "checkin.repeat-gate", zh: "已于 {time} 在{gate}签到过", en: "already checked in at {time} at the {gate} gate")
    public let repeatByStaff = MessageText(
        "checkin.repeat-staff", zh: "已于 {time} 由{staff}签到过", en: "already checked in at {time} by {staff}")
    public let repeatAtGateByStaff = MessageText(
        "checkin.repeat-gate-staff", zh: "已于 {time} 在{gate}由{staff}签到过",
        en: "already checked in at {time} at the {gate} gate by {staff}")
    public let notRegistered = MessageText(
        "checkin.not-registered", zh: "未报名 {campaign}", en: "not registered for {campaign}")
    public let walkInsWelcome = MessageText(
        "checkin.walk-ins-welcome", zh: "；请到服务台现场登记后再扫码",
        en: "; register them at the desk (walk-ins are welcome), then scan again")
    public let notOpen = MessageText(
        "checkin.not-open", zh: "{campaign} 的{checkpoint}签到尚未开放（这一步还没开始）",
        en: "check-in at {checkpoint} is not open for {campaign} (its step has not started)")
    public let closed = MessageText(
        "checkin.closed", zh: "{checkpoint}签到已结束", en: "check-in at {checkpoint} has closed")
    public let opensAt = MessageText(
        "checkin.opens-at", zh: "{checkpoint}签到于 {time} 开始", en: "check-in at {checkpoint} opens at {time}")
    public let closedAt = MessageText(
        "checkin.closed-at", zh: "{checkpoint}签到已于 {time} 结束", en: "check-in at {checkpoint} closed at {time}")
    public let gateRequired = MessageText(
        "checkin.gate-required", zh: "请说明在哪个入口扫码；{checkpoint}的入口有：{gates}",
        en: "say which gate this scan is at: {checkpoint} has {gates}")
    public let noSuchGate = MessageText(
        "checkin.no-such-gate", zh: "{checkpoint}没有“{gate}”这个入口；入口有：{gates}",
        en: "there is no gate '{gate}' at {checkpoint}; gates: {gates}")
    public let unknownEnterprise = MessageText(
        "checkin.enterprise-unknown", zh: "台账中没有企业“{enterprise}”；请先导入企业名单",
        en: "no enterprise '{enterprise}' is in the ledger; import the enterprises first")
    public let enterpriseAmbiguous = MessageText(
        "checkin.enterprise-ambiguous", zh: "“{enterprise}”对应多家企业：{names}；请写全称或统一社会信用代码",
        en: "'{enterprise}' matches several enterprises: {names}; give the full name or the credit code")
    public let enterpriseNotInvited = MessageText(
        "checkin.enterprise-not-invited", zh: "{name} 没有受邀参加 {campaign}；请导入它的岗位，或用 --campaign {campaign} 导入企业名单",
        en: "{name} is not invited to {campaign}; import its postings or the enterprise list with --campaign {campaign}")
    public let enterpriseRepeat = MessageText(
        "checkin.enterprise-repeat", zh: "该企业已于 {time} 签到过", en: "the enterprise already checked in at {time}")
    public let enterpriseRepeatAtGate = MessageText(
        "checkin.enterprise-repeat-gate", zh: "该企业已于 {time} 在{gate}签到过",
        en: "the enterprise already checked in at {time} at the {gate} gate")
    public let enterpriseCheckedIn = MessageText(
        "checkin.enterprise-accepted", zh: "企业签到成功：其展位计为到场", en: "enterprise checked in: its booth counts as attending")

    public let deskGateNotOpened = MessageText(
        "checkin.desk-not-opened",
        zh: "{campaign} 的{checkpoint}签到还没有开放（签到步骤尚未开始）；已报名，开放后可扫码签到",
        en: "check-in at {checkpoint} has not been opened for {campaign} (no gate step has started); they are "
            + "registered and can be scanned when it opens")
    public let deskNoWalkIns = MessageText(
        "checkin.desk-no-walk-ins", zh: "{checkpoint}这一步不接受现场报名（walk_ins: false）；已报名，不计为到场",
        en: "the {checkpoint} step does not take walk-ins (walk_ins: false); they are registered, not counted as attended")
    public let deskRegisteredOnly = MessageText(
        "checkin.desk-registered-only", zh: "；已报名，不计为到场", en: "; they are registered, not counted as attended")

    public let lookupTooShort = MessageText(
        "checkin.lookup-too-short", zh: "请至少输入身份证号或手机号的后四位", en: "type at least the last four digits of the ID or phone number")

    // The gate step's prompt while it is open.
    public let theGate = MessageText("checkin.the-gate", zh: "入口", en: "the gate")
    public let gateOpen = MessageText("checkin.gate-open", zh: "{checkpoint} 已开放签到", en: "check-in at {checkpoint} is open")
    public let gateOpensAt = MessageText("checkin.gate-opens-at", zh: "（{time} 起）", en: " from {time}")
    public let scanWith = MessageText("checkin.scan-with", zh: "；扫码：{command}", en: "; scan with: {command}")
    public let toClose = MessageText("checkin.to-close", zh: "。关闭签到：{command}", en: ". To close it: {command}")
    public let gateClosesAt = MessageText("checkin.gate-closes-at", zh: "（或在 {time} 自动关闭）",
                                          en: " (or it closes at {time})")

    // The gate step's parameters.
    public let unlistedGate = MessageText("checkin.unlisted-gate", zh: "'gate_names' 里的入口“{gate}”不在 'gates' 中",
                                          en: "'gate_names' names a gate '{gate}' that 'gates' does not list")
    public let listedGates = MessageText("checkin.listed-gates", zh: "'gates' 里有：{gates}", en: "gates: {gates}")
    public let gateNameNotText = MessageText("checkin.gate-name-not-text", zh: "入口“{gate}”的名称应是文字",
                                             en: "the name of gate '{gate}' must be text")

    // A photo of a badge.
    public let noCodeInPhoto = MessageText("checkin.no-code-in-photo", zh: "照片里没有找到胸卡的二维码",
                                           en: "no badge QR code was found in the photo")
    public let photoHint = MessageText("checkin.photo-hint", zh: "把胸卡放平、靠近一些、对准光线再拍一张",
                                       en: "hold the badge flat, closer and in the light, and take it again")
    public let photoBusy = MessageText("checkin.photo-busy", zh: "服务器正忙于读取其他照片，请过几秒再拍，或直接输入证件号",
                                       en: "the server is busy reading other photos; try again in a few seconds, or type the ID")
    public let noDecoder = MessageText("checkin.no-decoder", zh: "服务器无法读取照片中的二维码（缺少 zbarimg）",
                                       en: "the server cannot read QR codes from photos (zbarimg is missing)")
    public let installZbar = MessageText("checkin.install-zbar", zh: "在服务器上运行 scripts/setup（安装 zbar-tools）",
                                         en: "run scripts/setup on the server (it installs zbar-tools)")

    /// The entries of this plugin and the look-ups it words (the ledger's).

    /// The catalogue by key, for reading stored reasons back.
    static let byKey = Message.index(all + LookupMessages.all)

    /// "Already checked in at 08:46 (at the north gate) (by 李)".
    static func alreadyCheckedIn(time: String, gate: String, staff: String) -> Message {
        switch (gate.isEmpty, staff.isEmpty) {
        case (true, true): Message(repeatAt, ["time": time])
        case (false, true): Message(repeatAtGate, ["time": time, "gate": gate])
        case (true, false): Message(repeatByStaff, ["time": time, "staff": staff])
        case (false, false): Message(repeatAtGateByStaff, ["time": time, "gate": gate, "staff": staff])
        }
    }
}
