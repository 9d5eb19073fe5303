import BuiltinPlugins
import CampaignServer
import Checkin
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Ledger
import Livestream
import Outcomes
import PluginKit
import Workflow
import WorkflowTesting

/// Plays a `CountingWorld` through the product's public doors, as a county would: the ledger and each
/// campaign's sheets imported by its definition's steps, scans and walk-ins and outcomes through the
/// staff API (in-process) or as the command line records them, calls through `CallRecorder`. Acts
/// the product refuses are refused here too (the reference model knows why); nothing is read back
/// but the roster's seats, a plan the model cannot draw itself.
struct WorldPlayer {
    let world: CountingWorld
    let h: EngineHarness
    /// Each seated passenger's trip by the passenger's index: departure day, destination, plate.
    private(set) var seats: [String: [Int: (day: String, destination: String, plate: String)]] = [:]
    var pool: DatabasePool { h.workspace.pool }

    init(_ world: CountingWorld) throws {
        self.world = world
        h = try EngineHarness(plugins: BuiltinPlugins.engines)
    }

    mutating func play() async throws {
        try await importLedger()
        let now = h.clock.now()
        let (staff, manager) = try await pool.write { db in
            (try StaffAccounts.add(db, name: "甲", role: .staff, now: now),
             try StaffAccounts.add(db, name: "乙", role: .manager, now: now))
        }
        for campaign in world.campaigns {
            try await start(campaign)
            switch campaign.kind {
            case .fair: try await playFair(campaign, staff: staff, manager: manager)
            case .livestream: try await playCalls(campaign)
            case .bus: try await playDoors(campaign)
            }
        }
    }

    // MARK: Sheets and definitions

    static func csv(_ rows: [[String]]) -> String {
        rows.map { $0.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    func peopleSheet(_ indexes: [Int]) -> String {
        Self.csv([["姓名", "身份证号", "手机号", "乡镇", "村", "人员类别"]] + indexes.map { i in
            let p = world.everyone[i]
            return [p.name, p.idNumber, p.phone, p.township, p.village, p.labels.joined(separator: "、")]
        })
    }

    private func importLedger() async throws {
        let url = URL(fileURLWithPath: try h.directory.write("ledger.csv", peopleSheet(Array(world.people.indices))))
        let options = ImportOptions(source: "ledger.csv", now: h.clock.now())
        _ = try await pool.write { db in try ImportKind.people.importFile(db, url, options: options) }
    }

    private func offerSheets(_ c: CountingWorld.Campaign) throws -> String {
        _ = try h.directory.write("\(c.name)-enterprises.csv", Self.csv([["企业名称", "统一社会信用代码"]]
            + c.invited.map { [world.enterprises[$0].name, world.enterprises[$0].creditCode] }))
        _ = try h.directory.write("\(c.name)-postings.csv", Self.csv([["统一社会信用代码", "岗位名称", "招聘人数", "岗位编号"]]
            + c.offered.map { o in
                let posting = world.postings[o.posting]
                return [world.enterprises[posting.enterprise].creditCode, posting.title, String(o.openings), posting.code]
            }))
        return """
              - id: enterprises
                uses: registration.import-enterprises
                with: { file: \(c.name)-enterprises.csv }
              - id: postings
                needs: enterprises
                uses: registration.import-postings
                with: { file: \(c.name)-postings.csv }

            """
    }

    private mutating func start(_ c: CountingWorld.Campaign) async throws {
        var steps = ""
        switch c.kind {
        case .fair:
            _ = try h.directory.write("\(c.name)-people.csv", peopleSheet(c.registered))
            steps = try offerSheets(c) + """
                  - id: people
                    uses: registration.import-people
                    with: { file: \(c.name)-people.csv }
                  - id: gate
                    needs: [people, postings]
                    uses: checkin.gate
                    with: { gates: [north, south] }
                  - id: hall
                    needs: [people, postings]
                    uses: checkin.gate
                    with: { checkpoint: hall }
                """
        case .livestream:
            steps = try offerSheets(c) + (try livestreamSteps(c))
        case .bus:
            steps = try busSteps(c)
        }
        let workflow = try h.workflow("""
            name: \(c.name)
            title: \(c.title)
            kind: \(c.kind.rawValue)
            steps:
            \(steps)
            """, file: "\(c.name).yaml")
        _ = try await h.engine(waitHorizon: .zero).start(workflow)
        if c.kind == .bus { seats[c.name] = try await seated(c.name) }
    }

    private func livestreamSteps(_ c: CountingWorld.Campaign) throws -> String {
        var steps = ""
        var previous = "postings"
        for platform in CountingWorld.platforms {
            let leads = c.leads.filter { $0.platform == platform }
            guard !leads.isEmpty else { continue }
            // The file's name says the platform, as the platforms name their exports.
            let file = "\(c.name)-\(platform)-报名线索.csv"
            _ = try h.directory.write(file, Self.csv([["姓名", "手机号", "身份证号", "意向岗位"]]
                + leads.map { [$0.name, $0.phone, $0.idNumber, world.postings[$0.posting].code] }))
            let id = "leads-\(CountingWorld.platforms.firstIndex(of: platform)!)"
            steps += """
                  - id: \(id)
                    needs: \(previous)
                    uses: livestream.import-leads
                    with: { file: \(file) }

                """
            previous = id
        }
        _ = try h.directory.write("\(c.name)-抖音-直播数据.csv", Self.csv([["时间", "在线人数", "观看人次"]]
            + c.viewers.enumerated().map { ["2026-03-01 19:\(10 + $0.offset)", String($0.element.viewers), String($0.element.views)] }))
        return steps + """
              - id: figures
                uses: livestream.import-metrics
                with: { file: \(c.name)-抖音-直播数据.csv }
              - id: calls
                needs: [figures, \(previous)]
                uses: livestream.follow-up
                with: { staff: [甲, 乙], quota: 500, attempts: 1, for: 7d }
            """
    }

    private func busSteps(_ c: CountingWorld.Campaign) throws -> String {
        _ = try h.directory.write("\(c.name)-vehicles.csv", Self.csv([["车牌号", "座位数", "随车人员数"]]
            + CountingWorld.plates.map { [$0, "53", "2"] }))
        _ = try h.directory.write("\(c.name)-passengers.csv", Self.csv(
            [["姓名", "身份证号", "手机号", "乡镇", "村", "上车点", "目的地企业", "目的地城市", "目的地省份", "出发日期", "状态"]]
            + c.passengers.map { passenger in
                let p = world.people[passenger.person]
                let (destination, city, province) = CountingWorld.destinations[passenger.destination]
                return [p.name, p.idNumber, p.phone, p.township, p.village, (p.township.isEmpty ? "县城" : p.township) + "车站",
                        destination, city, province, passenger.day, passenger.withdrawn ? "取消" : ""]
            }))
        var steps = """
              - id: vehicles
                uses: transport.import-vehicles
                with: { file: \(c.name)-vehicles.csv }
              - id: passengers
                uses: transport.import-passengers
                with: { file: \(c.name)-passengers.csv }

            """
        guard c.passengers.contains(where: { !$0.withdrawn }) else { return steps }
        steps += """
              - id: roster
                needs: [vehicles, passengers]
                uses: transport.roster

            """
        for checkpoint in ["leave-home", "board", "alight", "enter-factory"] {
            steps += """
                  - id: \(checkpoint)
                    needs: roster
                    uses: checkin.gate
                    with: { checkpoint: \(checkpoint), walk_ins: false }

                """
        }
        return steps
    }

    private func seated(_ campaign: String) async throws -> [Int: (day: String, destination: String, plate: String)] {
        let byID = Dictionary(uniqueKeysWithValues: world.people.enumerated().map { ($1.idNumber, $0) })
        let rows = try await pool.read { db -> [[String]] in
            try Row.fetchAll(db, sql: """
                SELECT p.id_number, s.departs_on, s.destination, s.plate FROM transport_seat s JOIN person p ON p.id = s.person_id
                WHERE s.campaign = ?
                """, arguments: [campaign]).map { row in (0..<4).map { row[$0] as String } }
        }
        var seated: [Int: (day: String, destination: String, plate: String)] = [:]
        for row in rows {
            guard let person = byID[row[0]] else { continue }
            seated[person] = (row[1], row[2], row[3])
        }
        return seated
    }
}
