import Foundation
import Ledger
import PluginKit
import Workflow

/// Bus manifests (乘车人员名单): one bus to an A4 page — batch, day, destination, vehicle, driver and
/// escort, the pickup points in order — and the passengers by seat with a column each for the
/// signature at boarding and at arrival. Names, ID numbers and phones are masked unless `unmasked`
/// (the escort's copy, a manager's recorded act).
enum Manifests {
    static let template = PageTemplate("manifests", PackageResources.manifests_html_mustache)

    struct Summary { let headers: [String], rows: [[String]], buses: Int, passengers: Int }
    struct Bus {
        let campaign: String, title: String, departs: String, destination: String, vehicle: String
        let driver: String, escort: String, pickups: String, rows: [[String]], count: Int, capacity: Int
    }

    static func html(_ listing: RosterListing, campaign id: String, departsAt: String?, unmasked: Bool, madeOn: String) -> String {
        let campaign = listing.title.isEmpty ? id : listing.title
        let buses = listing.buses.map { bus in
            let vehicle = bus.vehicle
            let place = [bus.province, bus.city].filter { !$0.isEmpty }.joined(separator: " ")
            return Bus(campaign: campaign, title: bus.title, departs: bus.departsOn + (departsAt.map { " " + $0 } ?? ""),
                       destination: bus.destination + (place.isEmpty ? "" : "（\(place)）"),
                       vehicle: "\(vehicle.plate) · \(vehicle.seats) 座，随车 \(vehicle.crew) 人，载客 \(vehicle.capacity) 人",
                       driver: vehicle.driver + " " + phone(vehicle.driverPhone, unmasked),
                       escort: vehicle.escort + " " + phone(vehicle.escortPhone, unmasked),
                       pickups: bus.pickups.enumerated().map { "\($0 + 1). \($1)" }.joined(separator: " → "),
                       rows: bus.passengers.map { p in
                           [String(p.seat), name(p.name, unmasked), idNumber(p.idNumber, unmasked), phone(p.phone, unmasked),
                            "\(p.township) \(p.village)", p.pickup, "", ""]
                       },
                       count: bus.passengers.count, capacity: vehicle.capacity)
        }
        // The first page: every batch, its buses and passengers.
        // The county form: the title and 第 N 页，共 M 页 on every page, the title block and the
        // signature lines on the summary.
        let form = PrintedForm(title: "\(campaign) 乘车人员名单", form: listing.form, lang: .zh)
        var page: [String: Any] = ["campaign": campaign, "buses": buses, "pageRules": form.pageRules,
                                   "formStyles": PrintedForm.styles, "formHead": form.head(period: "", measuredIn: nil),
                                   "formFoot": form.foot(madeOn: madeOn)]
        if !buses.isEmpty {
            page["summary"] = Summary(headers: batchHeaders, rows: batchRows(listing), buses: listing.buses.count,
                                      passengers: listing.buses.reduce(0) { $0 + $1.passengers.count })
        }
        return template.render(page)
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
    static func workbook(_ listing: RosterListing, campaign id: String, unmasked: Bool, madeOn: String) -> TableWorkbook {
        let campaign = listing.title.isEmpty ? id : listing.title
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
        return TableWorkbook(sheets: [summary] + buses, form: listing.form, lang: .zh, madeOn: madeOn)
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

    static func name(_ text: String, _ unmasked: Bool) -> String { unmasked ? text : Masking.name(text) }
    static func idNumber(_ text: String, _ unmasked: Bool) -> String { unmasked ? text : Masking.idNumber(text) }
    static func phone(_ text: String, _ unmasked: Bool) -> String {
        text.isEmpty ? "" : unmasked ? text : Masking.phone(text)
    }
}
