import Foundation
import Ledger
import PluginKit
import Workflow

/// Bus manifests (乘车人员名单): one bus to an A4 page — batch, day, destination, vehicle, driver and
/// escort, the pickup points in order — and the passengers by seat with a column each for the
/// signature at boarding and at arrival. Names, ID numbers and phones are masked unless `unmasked`
/// (the escort's copy, a manager's recorded act).
enum Manifests {
    static func html(_ listing: RosterListing, campaign: String, departsAt: String?, unmasked: Bool) -> String {
        let pages = listing.buses.map { bus -> String in
            let rows = bus.passengers.map { p in
                let cells = [String(p.seat), name(p.name, unmasked), idNumber(p.idNumber, unmasked), phone(p.phone, unmasked),
                             "\(p.township) \(p.village)", p.pickup, "", ""]
                return "<tr>" + cells.map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>"
            }.joined()
            let vehicle = bus.vehicle
            let place = [bus.province, bus.city].filter { !$0.isEmpty }.joined(separator: " ")
            return """
                <section class="bus"><h1>\(HTMLText.escape(campaign)) · \(HTMLText.escape(bus.title))</h1>
                <dl><dt>出发</dt><dd>\(HTMLText.escape(bus.departsOn + (departsAt.map { " " + $0 } ?? "")))</dd>
                <dt>目的地</dt><dd>\(HTMLText.escape(bus.destination + (place.isEmpty ? "" : "（\(place)）")))</dd>
                <dt>车辆</dt><dd>\(HTMLText.escape("\(vehicle.plate) · \(vehicle.seats) 座，随车 \(vehicle.crew) 人，载客 \(vehicle.capacity) 人"))</dd>
                <dt>司机</dt><dd>\(HTMLText.escape(vehicle.driver + " " + phone(vehicle.driverPhone, unmasked)))</dd>
                <dt>带队</dt><dd>\(HTMLText.escape(vehicle.escort + " " + phone(vehicle.escortPhone, unmasked)))</dd>
                <dt>上车点</dt><dd>\(HTMLText.escape(bus.pickups.enumerated().map { "\($0 + 1). \($1)" }.joined(separator: " → ")))</dd></dl>
                <table><thead><tr><th>座位</th><th>姓名</th><th>身份证号</th><th>手机号</th><th>乡镇 村</th><th>上车点</th>
                <th>上车签名</th><th>到达签名</th></tr></thead><tbody>\(rows)</tbody></table>
                <p>共 \(bus.passengers.count) 人 / \(vehicle.capacity) 座。带队人签字：＿＿＿＿＿＿　司机签字：＿＿＿＿＿＿</p>
                </section>
                """
        }.joined(separator: "\n")
        return """
            <!doctype html><html lang="zh"><head><meta charset="utf-8"><title>\(HTMLText.escape(campaign)) 乘车人员名单</title>
            <style>
            @page { size: A4; margin: 12mm; }
            body { font: 11px "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; margin: 0; }
            .bus { break-after: page; } .bus:last-child { break-after: auto; }
            h1 { font-size: 16px; margin: 0 0 3mm; }
            dl { display: grid; grid-template-columns: 14mm 1fr; margin: 0 0 3mm; gap: 1mm; } dt { font-weight: bold; } dd { margin: 0; }
            table { border-collapse: collapse; width: 100%; } thead { display: table-header-group; }
            td, th { border: 1px solid #999; padding: 1.2mm 1.5mm; text-align: left; }
            td:nth-child(7), td:nth-child(8) { width: 22mm; }
            tr { break-inside: avoid; }
            </style></head><body>
            \(pages.isEmpty ? "<p>名单为空 / the roster is empty</p>" : summary(listing, campaign: campaign) + pages)
            </body></html>
            """
    }

    /// The batch summary (批次汇总): per batch its day, destination, buses, passengers and seats.
    static func batchRows(_ listing: RosterListing) -> [[String]] {
        var rows: [[String]] = []
        for bus in listing.buses {
            let label = "第\(bus.batch)批"
            if let last = rows.last, last[0] == label {
                rows[rows.count - 1][3] = String(Int(last[3])! + 1)
                rows[rows.count - 1][4] = String(Int(last[4])! + bus.passengers.count)
                rows[rows.count - 1][5] = String(Int(last[5])! + bus.vehicle.capacity)
                rows[rows.count - 1][6] += " " + bus.vehicle.plate
            } else {
                rows.append([label, bus.departsOn, bus.destination, "1", String(bus.passengers.count),
                             String(bus.vehicle.capacity), bus.vehicle.plate])
            }
        }
        return rows
    }

    static let batchHeaders = ["批次", "出发日期", "目的地企业", "车辆", "人数", "座位", "车牌号"]

    /// The manifests as a workbook: the batch summary, then one sheet per bus with its vehicle and crew.
    static func workbook(_ listing: RosterListing, campaign: String, unmasked: Bool) -> TableWorkbook {
        let numeric: Set<Int> = [3, 4, 5]
        let summary = TableWorkbook.Sheet(
            name: "批次汇总", title: "\(campaign) 批次汇总", headers: batchHeaders,
            rows: batchRows(listing).map { row in row.enumerated().map { numeric.contains($0) ? .number(Double($1)!) : .text($1) } },
            notes: ["合计：\(listing.buses.count) 辆次，\(listing.buses.reduce(0) { $0 + $1.passengers.count }) 人。"])
        let buses = listing.buses.map { bus in
            let v = bus.vehicle
            return TableWorkbook.Sheet(
                name: "第\(bus.batch)批\(bus.number)号车", title: "\(campaign) \(bus.title) \(bus.departsOn) → \(bus.destination)",
                headers: ["座位", "姓名", "身份证号", "手机号", "乡镇", "村", "上车点", "上车签名", "到达签名"],
                rows: bus.passengers.map { p in
                    [.number(Double(p.seat)), .text(name(p.name, unmasked)), .text(idNumber(p.idNumber, unmasked)),
                     .text(phone(p.phone, unmasked)), .text(p.township), .text(p.village), .text(p.pickup), "", ""]
                },
                notes: ["司机：\(v.driver) \(phone(v.driverPhone, unmasked))　带队：\(v.escort) \(phone(v.escortPhone, unmasked))",
                        "上车点：" + bus.pickups.joined(separator: " → "),
                        "共 \(bus.passengers.count) 人 / \(v.capacity) 座。带队人签字：　　　　司机签字："])
        }
        return TableWorkbook(sheets: [summary] + buses)
    }

    /// One row per passenger, every bus: the manifest as a table for CSV and XLSX.
    static func table(_ listing: RosterListing, unmasked: Bool) -> [[String]] {
        [["批次", "车号", "车牌号", "出发日期", "目的地企业", "座位", "姓名", "身份证号", "手机号", "乡镇", "村", "上车点"]]
            + listing.buses.flatMap { bus in
                bus.passengers.map { p in
                    ["第\(bus.batch)批", "\(bus.number)号车", bus.vehicle.plate, bus.departsOn, bus.destination, String(p.seat),
                     name(p.name, unmasked), idNumber(p.idNumber, unmasked), phone(p.phone, unmasked), p.township,
                     p.village, p.pickup]
                }
            }
    }

    /// The first page: every batch, its buses and passengers.
    static func summary(_ listing: RosterListing, campaign: String) -> String {
        let rows = batchRows(listing).map { "<tr>" + $0.map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>" }.joined()
        return """
            <section class="bus"><h1>\(HTMLText.escape(campaign)) · 批次汇总</h1><table><thead><tr>\(batchHeaders.map { "<th>\($0)</th>" }.joined())</tr></thead>
            <tbody>\(rows)</tbody></table><p>合计 \(listing.buses.count) 辆次，\(listing.buses.reduce(0) { $0 + $1.passengers.count }) 人。</p></section>
            """
    }

    static func name(_ text: String, _ unmasked: Bool) -> String { unmasked ? text : Masking.name(text) }
    static func idNumber(_ text: String, _ unmasked: Bool) -> String { unmasked ? text : Masking.idNumber(text) }
    static func phone(_ text: String, _ unmasked: Bool) -> String {
        text.isEmpty ? "" : unmasked ? text : Masking.phone(text)
    }
}
