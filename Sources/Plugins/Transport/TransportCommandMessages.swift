import Workflow

/// What `campaign roster`, `campaign buses` and `campaign subsidy` print, in Chinese and English.
public struct TransportCommandMessages: MessageCatalogue {
    public static let shared = TransportCommandMessages()

    /// A batch and a bus as the terminal's tables name them (the printed manifests are Chinese forms).
    public let batchLabel = MessageText("transport.batch-label", zh: "第{batch}批", en: "batch {batch}")
    public let busLabel = MessageText("transport.bus-label", zh: "{number}号车", en: "bus {number}")
    public let busesHeaders = MessageText("transport.buses-headers", zh: "批次|车辆|车牌|日期|已排座", en: "batch|bus|plate|day|seated")
    public let busesTail = MessageText("transport.buses-tail", zh: "未上车|下车未到|异常", en: "no-shows|left behind|anomalies")
    public let busesSummary = MessageText("transport.buses-summary", zh: "{count} 辆车；{open}；姓名已脱敏",
                                          en: "{count} buses; {open}; names masked")
    public let noCheckpointOpen = MessageText("transport.no-checkpoint-open", zh: "没有开放的检查点", en: "no checkpoint open")
    public let checkpointsOpen = MessageText("transport.checkpoints-open", zh: "开放中：{list}", en: "open: {list}")
    public let nobodyOnBus = MessageText("transport.nobody-on-bus", zh: "{plate} 在 {campaign} 的排车表上没有乘客",
                                         en: "{plate} carries nobody on {campaign}'s roster")
    public let rosterListsBuses = MessageText("transport.roster-lists-buses", zh: "campaign roster --campaign {campaign} 会列出所有车辆",
                                              en: "campaign roster --campaign {campaign} lists the buses")
    public let seatHeaders = MessageText("transport.seat-headers", zh: "座位|姓名|身份证号|上车点", en: "seat|name|ID number|pickup")
    public let noteHeader = MessageText("transport.note-header", zh: "备注", en: "note")
    public let noShow = MessageText("transport.no-show", zh: "未上车", en: "no-show")
    public let leftBehind = MessageText("transport.left-behind", zh: "下车未到", en: "left behind")
    public let boarded = MessageText("transport.boarded", zh: "{count}/{riders} 人已上车", en: "{count} of {riders} boarded")
    public let seatedElsewhere = MessageText("transport.seated-elsewhere", zh: "不在本车名单：座位在 {bus}",
                                             en: "not on this bus's list: seated on {bus}")
    public let notOnBoard = MessageText("transport.not-on-board", zh: "；尚未上车的座位：{seats}", en: "; not on board yet, seats {seats}")
    public let wroteManifests = MessageText("transport.wrote-manifests", zh: "已写出 {count} 份乘车名单到 {file}",
                                            en: "wrote {count} manifests to {file}")
    public let wrotePassengers = MessageText("transport.wrote-passengers", zh: "已写出 {count} 名乘客到 {file}",
                                             en: "wrote {count} passengers to {file}")
    public let wroteWorkbook = MessageText("transport.wrote-workbook", zh: "已写出 {count} 份乘车名单和批次汇总到 {file}",
                                           en: "wrote {count} manifests and the batch summary to {file}")
    public let rosterHeaders = MessageText("transport.roster-headers", zh: "批次|车辆|车牌|日期|目的地|乘客|座位|上车点",
                                           en: "batch|bus|plate|day|destination|passengers|seats|pickups")
    public let rosterSummary = MessageText(
        "transport.roster-summary",
        zh: "{buses} 辆车（最少可能：{lower}），{batches} 个批次，{passengers} 名乘客；{kept} 人保留座位，{moved} 人调整，{added} 人新增",
        en: "{buses} buses (the fewest possible: {lower}) in {batches} batches for {passengers} passengers; {kept} kept their seat, {moved} moved, {added} added")
    public let stops = MessageText("transport.stops", zh: "沿途停靠共 {stops} 站（每个批次每个上车点至少停一次：{bound} 站）",
                                   en: "{stops} stops in all (each batch must stop at each of its pickup points once: {bound})")
    public let coachCalendar = MessageText("transport.coach-calendar", zh: "各车出车安排（出发 → 目的地，可再出车日期）：",
                                           en: "Each coach's trips (out → where, free to leave again on):")
    public let coachLine = MessageText("transport.coach-line", zh: "{plate}：{trips}", en: "{plate}: {trips}")
    public let coachTrip = MessageText("transport.coach-trip", zh: "{day} → {destination}（{back} 回）",
                                       en: "{day} → {destination} (back {back})")
    public let coachIdle = MessageText("transport.coach-idle", zh: "{count} 辆车未出车：{plates}", en: "{count} coaches stay home: {plates}")
    public let notSaved = MessageText("transport.not-saved", zh: "——未保存（--dry-run）", en: " — not saved (--dry-run)")
    public let moreBuses = MessageText(
        "transport.more-buses", zh: "车辆多于最少可能：保留了上次排车的座位，或受车队车型所限",
        en: "more buses than the fewest possible: seats kept from the last roster, or the fleet's sizes")
    public let movedLine = MessageText("transport.moved-line", zh: "调整 {who}：{from} → {to}（{reason}）",
                                       en: "moved {who}: {from} → {to} ({reason})")
    public let moreMoved = MessageText("transport.more-moved", zh: "……另有 {count} 人调整", en: "… and {count} more moved")
    public let splits = MessageText("transport.splits", zh: "{count} 个村的乘客分乘多辆车", en: "{count} villages ride on more than one bus")
    public let splitLine = MessageText("transport.split-line", zh: "{day} {destination} · {pickup} {village}：{buses} 辆车——{reason}",
                                       en: "{day} {destination} · {pickup} {village}: {buses} buses — {reason}")
    public let wroteSubsidy = MessageText("transport.wrote-subsidy", zh: "已写出 {qualified} 名符合条件、{short} 名不足的人员到 {file}",
                                          en: "wrote {qualified} qualifying and {short} short to {file}")
    public let subsidyHeaders = MessageText("transport.subsidy-headers", zh: "姓名|身份证号|乡镇|村|企业|省份|入职|离职|结论|金额（元）",
                                            en: "name|ID number|township|village|enterprise|province|started|left|verdict|yuan")
    public let subsidySummary = MessageText(
        "transport.subsidy-summary", zh: "{qualified} 人符合条件（{amount} 元），{short} 人不足；姓名和身份证号已脱敏",
        en: "{qualified} qualify ({amount} yuan), {short} fall short; names and ID numbers masked")

    public let notEnoughVehicles = MessageText(
        "transport.not-enough-vehicles", zh: "车辆不够——{count} 名乘客没有座位。{trips}。请添加车辆（campaign import vehicles FILE --campaign {campaign}）后重新排车；什么都没有改变",
        en: "not enough vehicles — {count} passengers have no seat. {trips}. Add vehicles (campaign import vehicles FILE --campaign {campaign}) and run the roster again; nothing was changed")
    public let withoutSeat = MessageText("transport.without-seat", zh: "{trip}：{count} 人无座位：{names}",
                                         en: "{trip}: {count} without a seat: {names}")
}
