import Checkin
import Foundation
import GRDB
import Hummingbird
import Ledger
import Logging
import Outcomes
import PluginKit
import Tally
import Workflow

/// `campaign serve`: the check-in page for staff phones and laptops, and the JSON API under it.
public struct CheckinServer: Sendable {
    public let workspace: Workspace
    public let campaign: String
    public let checkpoint: String
    public let clock: any WorkflowClock
    let batcher: ScanBatcher
    let tokens = TokenCache()

    public init(workspace: Workspace, campaign: String, checkpoint: String, clock: any WorkflowClock) {
        self.workspace = workspace
        self.campaign = campaign
        self.checkpoint = checkpoint
        self.clock = clock
        batcher = ScanBatcher(workspace: workspace, clock: clock)
    }

    public func router() -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: CheckinPage.html)))
        }
        router.get("/health") { _, _ in "ok" }

        let api = router.group("api").add(middleware: StaffAuthentication(workspace: workspace, requiredRole: .staff, cache: tokens))
        api.get("me") { _, context in try await me(context) }
        api.post("checkin") { request, context in
            let body = try await request.decode(as: CheckinBody.self, context: context)
            return try await checkin(body, staff: context.staff?.name ?? "")
        }
        api.get("counts") { _, _ in try await counts() }
        api.get("lookup") { request, _ in try await lookup(request.uri.queryParameters.get("q") ?? "") }
        api.post("register") { request, context in
            try await register(try await request.decode(as: WalkInBody.self, context: context))
        }
        api.get("postings") { _, _ in try await postings() }
        api.post("outcomes") { request, context in
            try await recordOutcome(try await request.decode(as: OutcomeBody.self, context: context), staff: context.staff)
        }
        let manager = router.group("api/manager")
            .add(middleware: StaffAuthentication(workspace: workspace, requiredRole: .manager, cache: tokens))
        manager.get("checkins") { _, _ in try await checkins() }
        manager.get("tally") { request, _ in try await tally(request.uri.queryParameters) }
        return router
    }

    /// Serves until the process is stopped (Ctrl-C).
    public func run(host: String, port: Int, logger: Logger) async throws {
        let app = Application(router: router(),
                              configuration: .init(address: .hostname(host, port: port), serverName: "campaign"),
                              logger: logger)
        try await BackgroundCheckpointer.disableAutomaticCheckpoints(workspace)
        let checkpointer = try BackgroundCheckpointer(workspace: workspace)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask { await checkpointer.run() }
            // The server ends (Ctrl-C): stop checkpointing too.
            try await group.next()
            group.cancelAll()
        }
    }

    // MARK: - Handlers

    func me(_ context: ServerContext) async throws -> MeReply {
        let gates = try await workspace.pool.read { [campaign, checkpoint] db in
            try String.fetchOne(db, sql: "SELECT gates FROM checkin_window WHERE campaign = ? AND checkpoint = ?",
                                arguments: [campaign, checkpoint]) ?? ""
        }
        return MeReply(name: context.staff?.name ?? "", role: context.staff?.role.rawValue ?? "staff", campaign: campaign,
                       checkpoint: checkpoint, gates: gates.split(separator: ",").map(String.init))
    }

    func checkin(_ body: CheckinBody, staff: String) async throws -> ScanReply {
        let request = ScanRequest(campaign: campaign, checkpoint: checkpoint, input: body.input, gate: body.gate ?? "",
                                  staff: staff, device: body.device ?? "web", nonce: body.nonce ?? UUID().uuidString,
                                  clientTime: body.client_time)
        return ScanReply(try await batcher.scan(request))
    }

    func counts() async throws -> CountsReply {
        let (total, byGate) = try await workspace.pool.read { [campaign, checkpoint] db in
            try CheckinPlugin.counts(campaign: campaign, checkpoint: checkpoint, db: db)
        }
        return CountsReply(campaign: campaign, checkpoint: checkpoint, attended: total, by_gate: byGate)
    }

    /// Registered people whose ID number or phone ends with the digits typed (at least four).
    func lookup(_ query: String) async throws -> [Candidate] {
        let digits = query.filter { $0.isNumber || $0 == "X" || $0 == "x" }.uppercased()
        guard digits.count >= 4 else {
            throw HTTPError(.badRequest, message: "type at least the last four digits of the ID or phone number")
        }
        return try await workspace.pool.write { [campaign] db in
            let scheme = try Registrations.badgeCode(for: campaign, db: db)
            return try Row.fetchAll(db, sql: """
                SELECT p.id, p.name, p.id_number, p.phone FROM registration r JOIN person p ON p.id = r.person_id
                WHERE r.campaign = ? AND (p.id_number LIKE '%' || ? OR p.phone LIKE '%' || ?) LIMIT 8
                """, arguments: [campaign, digits, digits]).map { row in
                Candidate(name: Masking.name(row["name"]), id_number: Masking.idNumber(row["id_number"]),
                          phone: (row["phone"] as String?).map(Masking.phone) ?? "", code: scheme.encode(row["id"]))
            }
        }
    }

    func register(_ body: WalkInBody) async throws -> WalkInReply {
        let walkIn = WalkIn(campaign: campaign, name: body.name, idNumber: body.id_number, phone: body.phone,
                            township: body.township, village: body.village, groups: body.groups)
        let now = clock.now()
        do {
            let result = try await workspace.pool.write { db in try Registrations.registerWalkIn(walkIn, now: now, db: db) }
            return WalkInReply(code: result.code, newly_registered: result.newlyRegistered, name: result.maskedName,
                               id_number: result.maskedID, groups: result.groups)
        } catch let error as WorkflowError where error.code == .invalidInput {
            throw HTTPError(.badRequest, message: error.message)
        }
    }

    func checkins() async throws -> [ScanRow] {
        try await workspace.pool.read { [campaign, checkpoint] db in
            try Scans.history(campaign: campaign, checkpoint: checkpoint, latest: 500, db: db).reversed().map { e in
                ScanRow(at: TimeFormats.display(e.at, timeZone: Scans.zone, seconds: true), gate: e.gate, staff: e.staff,
                        method: e.method, input: e.input, name: e.name, id_number: e.idNumber, result: e.result,
                        reason: e.reason)
            }
        }
    }

    // MARK: - Outcomes and tallies

    /// The postings offered at the campaign, for the booth form's list.
    func postings() async throws -> [PostingRow] {
        try await workspace.pool.read { [campaign] db in
            try Row.fetchAll(db, sql: """
                SELECT p.code, p.title, e.name AS enterprise, p.openings FROM campaign_posting c
                JOIN posting p ON p.id = c.posting_id JOIN enterprise e ON e.credit_code = p.credit_code
                WHERE c.campaign = ? ORDER BY e.name, p.title
                """, arguments: [campaign]).map { row in
                PostingRow(code: row["code"], title: row["title"], enterprise: row["enterprise"], openings: row["openings"])
            }
        }
    }

    /// Booth staff record interviews, intents and placements; only managers may correct (move back).
    func recordOutcome(_ body: OutcomeBody, staff: StaffMember?) async throws -> OutcomeReply {
        guard let stage = OutcomeStage.parse(body.stage), stage != .none || body.correct == true else {
            throw HTTPError(.badRequest, message: "'\(body.stage)' is not a stage; use interview, intent, placement or retained")
        }
        if body.correct == true && staff?.role != .manager {
            throw HTTPError(.forbidden, message: "only a manager can correct an outcome; ask one to do it")
        }
        let entry = OutcomeEntry(campaign: campaign, person: body.person, posting: body.posting, stage: stage,
                                 date: body.date, note: body.note ?? "", recordedBy: staff?.name ?? "",
                                 correction: body.correct ?? false, source: "web")
        let now = clock.now()
        do {
            let result = try await workspace.pool.write { db in try OutcomeRecorder.record(entry, now: now, db: db) }
            let (change, from, to): (String, OutcomeStage, OutcomeStage)
            switch result.change {
            case .advanced(let a, let b): (change, from, to) = ("advanced", a, b)
            case .unchanged(let a): (change, from, to) = ("unchanged", a, a)
            case .corrected(let a, let b): (change, from, to) = ("corrected", a, b)
            }
            return OutcomeReply(change: change, from: from.verb, to: to.verb, name: result.maskedName,
                                id_number: result.maskedID, posting: result.posting, enterprise: result.enterprise)
        } catch let refusal as OutcomeRefusal {
            throw HTTPError(.badRequest, message: refusal.reason)
        }
    }

    /// The campaign's tally for managers: JSON (the documented keys) or the HTML report.
    func tally(_ query: Parameters) async throws -> Response {
        var dimensions: [TallyDimension] = []
        for item in (query.get("by") ?? "township,group,enterprise").split(separator: ",") {
            guard let dimension = TallyDimension(rawValue: String(item)) else {
                throw HTTPError(.badRequest, message: "unknown breakdown '\(item)'; use township, village, group, enterprise, posting")
            }
            dimensions.append(dimension)
        }
        let lang = TallyLanguage(rawValue: query.get("lang") ?? "zh") ?? .zh
        let now = clock.now()
        let request = TallyRequest(campaigns: [campaign], breakdowns: dimensions)
        let pool = workspace.pool
        let report = try await pool.read { db in try TallyQuery.run(request, now: now, parallel: pool, db: db) }
        if query.get("format") == "html" {
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: TallyHTML.render(report, lang: lang))))
        }
        return Response(status: .ok, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: try TallyJSON.encode(report))))
    }
}
