import BuiltinPlugins
import Checkin
import Foundation
import GRDB
import Ledger
import Outcomes
import PluginKit
import Registration
import Tally
import Workflow
import WorkflowTesting

/// A started fair with five registered job seekers in two townships, two enterprises and three
/// postings, and helpers to check people in and record outcomes.
public struct OutcomeFixture {
    public static let people = """
        姓名,身份证号,手机号,乡镇,村,人员类别
        张伟,11010519491231002X,13800138000,城关镇,东街村,脱贫人口
        李娜,522426199001010017,13900139000,城关镇,西街村,监测对象
        王芳,522426199202020019,13700137000,河西镇,新庄村,脱贫人口、监测对象
        刘洋,522426198803030015,13600136000,河西镇,新庄村,
        陈静,522426199504040015,13500135000,河西镇,渡口村,高校毕业生
        """
    public static let enterprises = """
        企业名称,统一社会信用代码,行业
        贵州示范电子科技有限公司,913505828PBRNYTPLA,电子制造
        示范县顺达物流有限公司,913302063BFU7CH3JQ,交通物流
        """
    public static let postings = """
        统一社会信用代码,岗位名称,招聘人数
        913505828PBRNYTPLA,电子装配工,40
        913505828PBRNYTPLA,质检员,10
        913302063BFU7CH3JQ,分拣员,20
        """
    public static let zhang = "11010519491231002X", li = "522426199001010017", wang = "522426199202020019"
    public static let liu = "522426198803030015", chen = "522426199504040015"

    public let h: LedgerHarness
    /// Posting codes by title.
    public let posting: [String: String]

    public init() async throws {
        h = try await LedgerHarness()
        _ = try await h.importFile(.people, try h.file("people.csv", Self.people))
        _ = try await h.importFile(.enterprises, try h.file("enterprises.csv", Self.enterprises))
        _ = try await h.importFile(.postings, try h.file("postings.csv", Self.postings))
        posting = try await h.pool.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT title, code FROM posting").map {
                ($0["title"] as String, $0["code"] as String)
            })
        }
    }

    public var pool: DatabasePool { h.pool }
    public var now: Date { h.engine.clock.now() }

    @discardableResult
    public func record(_ stage: OutcomeStage, _ person: String, _ title: String, campaign: String = "fair",
                correct: Bool = false, date: String? = nil) async throws -> OutcomeResult {
        let entry = OutcomeEntry(campaign: campaign, person: person, posting: posting[title] ?? title, stage: stage,
                                 date: date, recordedBy: "Li", correction: correct)
        let now = now
        return try await pool.write { db in try OutcomeRecorder.record(db, entry, now: now) }
    }

    @discardableResult
    public func checkIn(_ person: String, campaign: String = "fair", checkpoint: String = "gate") async throws -> ScanAnswer {
        let request = ScanRequest(campaign: campaign, checkpoint: checkpoint, input: person, gate: "north")
        let now = now
        return try await pool.write { db in try Scans.scan(db, request, now: now) }
    }

    public func tally(_ campaigns: [String] = ["fair"], by: [TallyDimension] = [], all: Bool = false, from: String? = nil,
               to: String? = nil) async throws -> TallyReport {
        let request = TallyRequest(campaigns: campaigns, all: all, from: from, to: to, breakdowns: by)
        let now = now
        return try await pool.read { db in try TallyQuery.run(db, request, sections: Self.sections, now: now) }
    }

    /// Registers someone at the desk as `campaign register` does: the registration, and the check-in
    /// at `checkpoint` when it is open and takes walk-ins (what happened is returned). The desk stands
    /// at the north gate: a checkpoint that names its gates counts every scan under one.
    @discardableResult
    public func registerAtDesk(_ walkIn: WalkIn, checkpoint: String = "gate",
                               gate: String = "north") async throws -> DeskCheckIn? {
        let now = now
        let desk = BuiltinPlugins.all.deskAttendance
        return try await pool.write { db in
            try DeskRegistration.register(db, walkIn, desk: desk, checkpoint: checkpoint, gate: gate, staff: "desk", now: now).1
        }
    }

    /// What the built-in plugins add to tallies.
    public static let sections = BuiltinPlugins.all.tallySections

    /// Starts a second campaign in the same workspace with check-in open, and registers people to it.
    public func startCampaign(_ name: String, registering people: String) async throws {
        let workflow = try h.engine.workflow("""
            name: \(name)
            steps:
              - id: gate
                uses: checkin.gate
            """, file: "\(name).yaml")
        _ = try await h.engine.engine(waitHorizon: .zero).start(workflow)
        _ = try await h.importFile(.people, try h.file("\(name)-people.csv", people), campaign: name)
        _ = try await h.importFile(.postings, try h.file("\(name)-postings.csv", Self.postings), campaign: name)
    }
}
