import Workflow

/// What `campaign checkin --gate` and `campaign badges` say, in Chinese and English.
public struct GateMessages: MessageCatalogue {
    public static let shared = GateMessages()

    public let sayGate = MessageText("gate.say-gate", zh: "--gate：请说明您在哪个闸口；{checkpoint} 有 {gates}",
                                     en: "--gate: say which gate you stand at; {checkpoint} has {gates}")
    public let example = MessageText("gate.example", zh: "例如 --gate {gate}", en: "e.g. --gate {gate}")
    public let noSuchGate = MessageText("gate.no-such-gate", zh: "--gate：{checkpoint} 没有闸口“{gate}”；闸口：{gates}",
                                        en: "--gate: there is no gate '{gate}' at {checkpoint}; gates: {gates}")
    public let badgesWritten = MessageText("gate.badges-written", zh: "✓ 已写出 {count} 张胸卡到 {file}（{pages} 页 A4）；打开后打印",
                                           en: "✓ {count} badges written to {file} ({pages} A4 pages); open it and print")

    public let closesBeforeOpens = MessageText("gate.closes-before-opens", zh: "'closes'（{closes}）必须晚于 'opens'（{opens}）",
                                               en: "'closes' ({closes}) must be after 'opens' ({opens})")

    public let byStaff = MessageText("gate.by-staff", zh: "  （{staff}）", en: "  by {staff}")
    public let noGate = MessageText("gate.no-gate", zh: "（无闸口）", en: "(no gate)")
    public let checkedInCount = MessageText("gate.checked-in-count", zh: "{checkpoint} 共 {count} 人签到", en: "{count} people checked in at {checkpoint}")
    public let scans = MessageText("gate.scans", zh: "（扫码 {count} 次）", en: " ({count} scans)")
    public let writtenTo = MessageText("gate.written-to", zh: "；已写入 {file}", en: "; written to {file}")
}
