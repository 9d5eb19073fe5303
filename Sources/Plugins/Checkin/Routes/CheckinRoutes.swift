import Foundation
import GRDB
import Hummingbird
import Ledger
import PluginKit
import Workflow

/// The check-in page's API: who is signed in and at which gates, scans (group-committed), live
/// counts, finding a registered person by the last digits of their ID or phone number, and — for
/// managers — the scan ledger.
enum CheckinRoutes {
    static func routes(_ server: ServerEnvironment) -> RouteCollection<CampaignRequestContext> {
        let routes = RouteCollection(context: CampaignRequestContext.self)
        let batcher = ScanBatcher(workspace: server.workspace, clock: server.clock)
        let pool = server.workspace.pool
        let campaign = server.campaign, checkpoint = server.checkpoint

        routes.get("me") { _, context in
            let staff = try context.requireStaff()
            let (gates, names, kind, all) = try await pool.read { db in
                (try Scans.gates(db, campaign: campaign, checkpoint: checkpoint),
                 try Scans.gateNames(db, campaign: campaign, checkpoint: checkpoint),
                 try RunQueries.run(db, named: campaign)?.kind ?? CampaignKind.other.rawValue,
                 try Scans.checkpoints(db, campaign: campaign))
            }
            return MeReply(name: staff.name, role: staff.role.rawValue, campaign: campaign, checkpoint: checkpoint,
                           checkpoints: all.contains(checkpoint) ? all : [checkpoint] + all,
                           gates: gates, gate_names: names, kind: kind, enterprise: staff.enterpriseName,
                           vehicle: staff.vehicle)
        }
        routes.post("checkin") { request, context in
            let staff = try context.requireStaff()
            let body = try await CheckinBodyReader.read(request, context: context)
            // An escort scans at their own bus's door (its plate is the gate); managers at any.
            if let vehicle = staff.vehicle, staff.role == .staff, !staff.ridesWith(body.gate ?? "") {
                throw RoleRefusal(needed: .manager, reason: Message(CheckinMessages.otherVehicle, [
                    "staff": staff.name, "vehicle": vehicle, "gate": Masking.scrub(body.gate ?? "")]))
            }
            let at = try await scannedCheckpoint(body.checkpoint, server: server)
            let scan = ScanRequest(campaign: campaign, checkpoint: at, input: body.input, gate: body.gate ?? "",
                                   staff: staff.name, device: body.device ?? "web", nonce: body.nonce ?? UUID().uuidString,
                                   clientTime: body.client_time, keptFor: body.kept_ms.map { $0 / 1000 })
            return ScanReply(try await batcher.scan(scan), in: request.language)
        }
        addPhotoRoutes(to: routes, batcher: batcher, campaign: campaign, checkpoint: checkpoint)
        routes.get("counts") { request, context in
            _ = try context.requireStaff()
            let at = try await scannedCheckpoint(request.uri.queryParameters.get("checkpoint"), server: server)
            let counts = try await pool.read { db in try Scans.counts(db, campaign: campaign, checkpoint: at) }
            return CountsReply(campaign: campaign, checkpoint: at, attended: counts.attended, by_gate: counts.byGate)
        }
        routes.get("lookup") { request, context in
            let staff = try context.requireStaff()
            return try await lookup(request.uri.queryParameters.get("q") ?? "", campaign: campaign, staff: staff.name,
                                    now: server.clock.now(), pool: pool)
        }
        addBadgeRoute(to: routes, server: server)
        addCorrectionRoute(to: routes, server: server)
        routes.get("manager/checkins") { request, context in
            _ = try context.requireStaff(.manager)
            let language = request.language
            return try await pool.read { db in
                let zone = try RunQueries.requireRun(db, campaign).timeZone
                return try Scans.history(db, campaign: campaign, checkpoint: checkpoint, latest: 500).reversed().map { e in
                    ScanRow(at: TimeFormats.display(e.at, timeZone: zone, seconds: true), gate: e.gate, staff: e.staff,
                            method: e.method, input: e.input, name: e.name, id_number: e.idNumber, result: e.result,
                            reason: e.message.text(language))
                }
            }
        }
        return routes
    }

    /// The checkpoint a request names (the server's own when it names none): one the campaign's steps
    /// opened, else refused with the ones there are.
    static func scannedCheckpoint(_ named: String?, server: ServerEnvironment) async throws -> String {
        guard let named, !named.isEmpty, named != server.checkpoint else { return server.checkpoint }
        let known = try await server.workspace.pool.read { db in try Scans.checkpoints(db, campaign: server.campaign) }
        guard known.contains(named) else {
            throw InputRefusal(field: "checkpoint", Message(CheckinMessages.unknownCheckpoint, [
                "checkpoint": Masking.scrub(String(named.prefix(40))), "campaign": server.campaign,
                "checkpoints": ([server.checkpoint] + known.filter { $0 != server.checkpoint }).joined(separator: ", ")]))
        }
        return named
    }

    /// A photo of a badge (checked in) and a frame of the live camera (its code only), for phones that
    /// cannot read codes themselves.
    static func addPhotoRoutes(to routes: RouteCollection<CampaignRequestContext>, batcher: ScanBatcher, campaign: String,
                               checkpoint: String) {
        // A photo of a badge, for phones without a camera stream: the body is the image itself.
        routes.post("checkin/photo") { request, context in
            let staff = try context.requireStaff()
            guard let code = try await code(in: request) else {
                throw InputRefusal(field: "photo", Message(CheckinMessages.noCodeInPhoto), hint: Message(CheckinMessages.photoHint))
            }
            let query = request.uri.queryParameters
            let scan = ScanRequest(campaign: campaign, checkpoint: checkpoint, input: code, gate: query.get("gate") ?? "",
                                   staff: staff.name, device: "photo", nonce: query.get("nonce") ?? UUID().uuidString,
                                   clientTime: nil)
            return ScanReply(try await batcher.scan(scan), in: request.language)
        }
        // A frame of the page's live camera, where the browser cannot read codes itself (iPhones): the
        // code in it, or none — nothing is checked in; the page does that with the code.
        routes.post("scan/frame") { request, context in
            _ = try context.requireStaff()
            return FrameReply(code: try await code(in: request))
        }
    }

    /// The QR code in the image a request carries (a photo, a camera frame), nil when it holds none.
    static func code(in request: Request) async throws -> String? {
        let image = try await request.body.collect(upTo: PhotoDecoder.largestPhoto)
        do {
            return try await PhotoDecoder.code(in: Data(buffer: image))
        } catch PhotoDecoder.Failure.noCode {
            return nil
        } catch PhotoDecoder.Failure.unavailable {
            throw WorkflowError.unavailable(Message(CheckinMessages.noDecoder), hint: Message(CheckinMessages.installZbar))
        } catch PhotoDecoder.Failure.busy {
            // Every decoder busy and the line full: the gate's typed and scanned check-ins go first.
            throw HTTPError(.serviceUnavailable, headers: [.retryAfter: "2"],
                            message: CheckinMessages.photoBusy.template(request.language))
        }
    }

    /// A manager at the desk corrects a registered person's phone, township or village, found by the
    /// code the look-up gave (`PersonCorrection`: refused to staff, kept in the audit log).
    static func addCorrectionRoute(to routes: RouteCollection<CampaignRequestContext>, server: ServerEnvironment) {
        let pool = server.workspace.pool, campaign = server.campaign
        routes.post("people/correct") { request, context in
            let staff = try context.requireStaff()
            // Said before anything is read: a staff account learns it may not, whatever it sent.
            guard staff.role.includes(.manager) else {
                throw RoleRefusal(needed: .manager, reason: Message(LedgerMessages.managerCorrectsPeople, ["staff": staff.name]))
            }
            let body = try await request.decodeBody(as: CorrectionBody.self, context: context)
            let now = server.clock.now()
            let (person, changes) = try await pool.write { db in
                let scheme = try Registrations.badgeCode(db, for: campaign)
                guard let id = scheme.decode(body.code.trimmingCharacters(in: .whitespaces)),
                      try Registrations.isRegistered(db, id, campaign: campaign) else {
                    throw InputRefusal(field: "code", Message(LookupMessages.unknownCode, ["code": Masking.scrub(body.code),
                                                                                          "campaign": campaign]))
                }
                let fields = PersonCorrection.Fields(phone: body.phone, township: body.township, village: body.village)
                return (try People.summary(db, id: id), try PersonCorrection.correct(db, person: id, fields, by: staff,
                                                                                       campaign: campaign, now: now))
            }
            return CorrectionReply(name: Masking.name(person?.name ?? ""), changed: changes)
        }
    }

    /// The desk prints a lost badge again: one badge, found by the code the look-up gave, recorded
    /// in the audit log.
    static func addBadgeRoute(to routes: RouteCollection<CampaignRequestContext>, server: ServerEnvironment) {
        let pool = server.workspace.pool, campaign = server.campaign
        routes.get("badge") { request, context in
            let staff = try context.requireStaff()
            let code = request.uri.queryParameters.get("code") ?? ""
            let now = server.clock.now()
            let page = try await pool.write { db -> String? in
                let page = try Badges.reprint(db, campaign: campaign, code: code)
                if page != nil {
                    try AuditLog.record(db, actor: staff.name, action: "badge-reprint", campaign: campaign,
                                        detail: "badge \(Masking.scrub(code))", at: now)
                }
                return page
            }
            guard let page else {
                throw InputRefusal(field: "code", Message(LookupMessages.unknownCode, ["code": Masking.scrub(code), "campaign": campaign]))
            }
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: page)))
        }
    }

    /// People whose ID or phone number ends with (or holds) the digits typed, masked; each look-up is
    /// kept in the audit log with who asked and what they typed (masked).
    static func lookup(_ query: String, campaign: String, staff: String, now: Date,
                       pool: DatabasePool) async throws -> [Candidate] {
        let digits = query.filter { $0.isNumber || $0 == "X" || $0 == "x" }.uppercased()
        guard digits.count >= 4 else {
            throw InputRefusal(field: "q", Message(CheckinMessages.lookupTooShort))
        }
        // A write: the campaign's badge-code secret is made on first use.
        return try await pool.write { db in
            let scheme = try Registrations.badgeCode(db, for: campaign)
            let found = try Registrations.matching(db, digits: digits, campaign: campaign, limit: 8).map { person in
                Candidate(name: Masking.name(person.name), id_number: Masking.idNumber(person.idNumber),
                          phone: person.phone.map(Masking.phone) ?? "", code: scheme.encode(person.id))
            }
            try AuditLog.record(db, actor: staff, action: "look-up", campaign: campaign,
                                detail: "'\(Masking.scrub(digits))': \(found.count) found", at: now)
            return found
        }
    }
}
