import ArgumentParser
import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

struct RosterCommand: AsyncParsableCommand, ChoosesLanguage {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: CommandHelp.text(
            zh: "为包车活动的乘客排座（车最少、同村同车、座位保留）并生成乘车名单。",
            en: "Seats a bus campaign's passengers (fewest buses, villages together, seats kept) and writes manifests."),
        discussion: CommandHelp.text(zh: """
            按现有的车辆和乘客重新排车并保存，和 transport.roster 步骤一样；列出车辆数与理论最少车辆数、
            谁被调整及原因、哪些村的乘客分乘多辆车及原因。没有变化的人保留原座位。--dry-run 只显示新的排车，不保存。
            乘车名单默认脱敏；--unmasked（随车人员用的完整版，含姓名、身份证号和手机号）需加管理员账号的 --by NAME，并记入审计日志。
            """, en: """
            Works the roster out again from the vehicles and passengers as they stand and saves it, as the
            transport.roster step does; prints the buses beside the fewest any roster could use, who moved and
            why, and which villages ride on more than one bus and why. Everyone who did not change keeps their
            seat. --dry-run shows the new roster without saving it.
            Manifests are masked; --unmasked (the escort's copy, with full names, ID numbers and phones) needs
            --by NAME of a manager's staff account and is recorded in the audit log.
            """))

    @Option(help: ArgumentHelp(CommandHelp.text(zh: "包车活动。", en: "The bus campaign."))) var campaign: String
    @Flag(help: ArgumentHelp(CommandHelp.text(zh: "显示将会排出的车次，但不保存。", en: "Show the roster that would be made, without saving it."))) var dryRun = false
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "把乘车名单（HTML，A4，每辆车一页）写入这个文件；文件名以 .pdf 结尾时由 Chromium 打印成 PDF。", en: "Write the manifests (HTML, A4, one bus a page) to this file; a name ending in .pdf is printed to PDF by Chromium."))) var manifests: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "把乘车名单写成一张 CSV 表（带 BOM 的 UTF-8）存到这个文件。", en: "Write the manifests as one CSV table (UTF-8 with BOM) to this file."))) var csv: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "把乘车名单写成工作簿（XLSX：先是批次汇总，再每辆车一张表）存到这个文件。", en: "Write the manifests as a workbook (XLSX: the batch summary, then a sheet per bus) to this file.")))
    var xlsx: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "只要这辆车的乘车名单（车牌）。", en: "Only this vehicle's manifest (plate)."))) var plate: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "印在乘车名单上的发车时间，例如 06:00。", en: "The departure time printed on the manifests, e.g. 06:00."))) var departsAt: String?
    @Flag(help: ArgumentHelp(CommandHelp.text(zh: "乘车名单中使用完整的姓名、身份证号和手机号（须由管理员执行，会被记录）。", en: "Full names, ID numbers and phones in the manifests (a manager's act, recorded)."))) var unmasked = false
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "导出未脱敏数据的管理员（工作人员账号）。", en: "The manager exporting unmasked data (a staff account)."))) var by: String?
    @OptionGroup var languageOptions: LanguageOptions
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
        if unmasked && by == nil { throw ValidationError(UsageMessages.unmaskedNeedsBy(), language: language) }
        if unmasked && manifests == nil && csv == nil && xlsx == nil {
            throw ValidationError(UsageMessages.unmaskedForFiles(), language: language)
        }
        if let departsAt, !RosterAction.isTime(departsAt) {
            throw ValidationError(UsageMessages.notATime(["flag": "--departs-at", "text": departsAt]), language: language)
        }
        if let plate, LicensePlate(plate) == nil { throw ValidationError(UsageMessages.notAPlate(["text": plate]), language: language) }
    }

    func run() async throws {
        try await CommandSupport.reportingErrors(language: language) {
            let ws = try workspace.openExisting()
            let t = Terminal.standard
            let now = try CommandSupport.clock().now()
            let english = lang == "en"
            let (roster, listing) = try await ws.pool.write { [campaign, dryRun, unmasked, by, manifests, csv, xlsx, plate] db in
                try Registrations.requireCampaign(db, campaign)
                let roster = try Roster.make(db, campaign: campaign)
                if let shortage = roster.shortage(campaign: campaign) { throw WorkflowError.invalidInput(shortage.message) }
                if !dryRun { try TransportRecords.save(db, roster.plan, campaign: campaign, now: now) }
                if unmasked, let by {
                    let manager = try AuditLog.requireManager(db, by)
                    try AuditLog.record(db, actor: manager.name, action: "unmasked-export", campaign: campaign,
                                        detail: "bus manifests" + (plate.map { " of \($0)" } ?? "") + " with names, ID numbers "
                                            + "and phones: " + [manifests, csv, xlsx].compactMap { $0 }.joined(separator: ", "),
                                        at: now)
                    try PersonalFiles.record(db, [manifests, csv, xlsx].compactMap { $0 }, campaign: campaign, kind: "unmasked-export",
                                             at: now)
                }
                return (roster, try RosterListing.make(db, seats: roster.plan.seatOf, campaign: campaign, plate: plate))
            }
            if let manifests {
                let html = Manifests.html(listing, campaign: campaign, departsAt: departsAt, unmasked: unmasked,
                                          madeOn: SheetDate.day(of: now, in: listing.timeZone))
                try PrintedPage.write(html, to: URL(fileURLWithPath: manifests))
                t.line((TransportCommandMessages.wroteManifests(["count": "\(listing.buses.count)", "file": manifests]) + ToolMessages.masking(unmasked))
                    .text(language))
            }
            if let csv {
                try CSVExport.write(Manifests.table(listing, unmasked: unmasked), to: csv)
                t.line((TransportCommandMessages.wrotePassengers(["count": "\(listing.buses.reduce(0) { $0 + $1.passengers.count })", "file": csv])
                        + ToolMessages.masking(unmasked)).text(language))
            }
            if let xlsx {
                try Manifests.workbook(listing, campaign: campaign, unmasked: unmasked,
                                       madeOn: SheetDate.day(of: now, in: listing.timeZone))
                    .write(to: URL(fileURLWithPath: xlsx))
                t.line((TransportCommandMessages.wroteWorkbook(["count": "\(listing.buses.count)", "file": xlsx]) + ToolMessages.masking(unmasked))
                    .text(language))
            }
            if manifests != nil || csv != nil || xlsx != nil { return }
            print(roster, listing, english: english, t: t)
        }
    }

    private func print(_ roster: Roster, _ listing: RosterListing, english: Bool, t: Terminal) {
        var table = TextTable(headers: TransportCommandMessages.rosterHeaders.columns(language),
                              numeric: [false, false, false, false, false, true, true, false])
        for bus in listing.buses {
            table.rows.append([TransportCommandMessages.batchLabel.text(language, ["batch": "\(bus.batch)"]),
                               TransportCommandMessages.busLabel.text(language, ["number": "\(bus.number)"]),
                               bus.vehicle.plate, bus.departsOn, bus.destination,
                               "\(bus.passengers.count)", "\(bus.vehicle.capacity)", bus.pickups.joined(separator: " → ")])
        }
        if !table.rows.isEmpty { t.line(table.render()) }
        let plan = roster.plan
        let summary = TransportCommandMessages.rosterSummary([
            "buses": "\(plan.buses.count)", "lower": "\(plan.lowerBound)", "batches": "\(roster.batches)",
            "passengers": "\(roster.passengers.count)", "kept": "\(plan.kept)",
            "moved": "\(plan.moves.filter { $0.from != nil }.count)", "added": "\(plan.moves.filter { $0.reason == .new }.count)"])
        t.line((dryRun ? summary + TransportCommandMessages.notSaved() : summary).text(language))
        if plan.buses.count > plan.lowerBound {
            t.line("  " + TransportCommandMessages.moreBuses.template(language))
        }
        // Stops beside the fewest possible: a batch stops at least once at each of its pickup points.
        let stops = listing.buses.reduce(0) { $0 + $1.pickups.count }
        let bound = Set(listing.buses.flatMap { bus in bus.pickups.map { [bus.departsOn, bus.destination, $0] } }).count
        t.line(TransportCommandMessages.stops.text(language, ["stops": "\(stops)", "bound": "\(bound)"]))
        printCalendar(plan, vehicles: roster.vehicles.filter { !$0.retired }.map(\.plate), t: t)
        let moved = plan.moves.filter { $0.from != nil }
        for move in moved.prefix(30) {
            let who = roster.people[move.person].map { "\(Masking.name($0.name)) \(Masking.idNumber($0.idNumber))" }
                ?? "#\(move.person)"
            let words = Message(move.reason.words)
            t.line("  " + TransportCommandMessages.movedLine(["who": who, "from": move.from.map(TransportRecords.describe) ?? "—",
                                       "to": move.to.map(TransportRecords.describe) ?? "—",
                                       "reason": words.text(language)]).text(language))
        }
        if moved.count > 30 { t.line("  " + TransportCommandMessages.moreMoved(["count": "\(moved.count - 30)"]).text(language)) }
        t.line(TransportCommandMessages.splits(["count": "\(plan.splits.count)"]).text(language))
        for split in plan.splits.prefix(30) {
            let words = split.reason.words(people: split.people)
            t.line("  " + TransportCommandMessages.splitLine(["day": split.departsOn, "destination": split.destination, "pickup": split.pickup,
                                       "village": split.village, "buses": "\(split.buses)",
                                       "reason": words.text(language)]).text(language))
        }
    }

    /// Each coach's days out and back, and the coaches the roster leaves at home.
    private func printCalendar(_ plan: RosterPlanner.Plan, vehicles: [String], t: Terminal) {
        guard !plan.trips.isEmpty else { return }
        t.line(TransportCommandMessages.coachCalendar.text(language))
        let separator = Punctuation.semicolon.text(language)
        for plate in plan.trips.keys.sorted() {
            let trips = plan.trips[plate]!.map {
                TransportCommandMessages.coachTrip.text(language, ["day": String($0.departsOn.suffix(5)), "destination": $0.destination,
                                                                   "back": String($0.backOn.suffix(5))])
            }
            t.line("  " + TransportCommandMessages.coachLine.text(language, ["plate": plate, "trips": trips.joined(separator: separator)]))
        }
        let idle = vehicles.filter { plan.trips[$0] == nil }
        if !idle.isEmpty {
            t.line("  " + TransportCommandMessages.coachIdle.text(language, ["count": "\(idle.count)", "plates": idle.joined(separator: " ")]))
        }
    }
}
