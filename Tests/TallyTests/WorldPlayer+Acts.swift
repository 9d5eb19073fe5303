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

/// The acts after each campaign started: at a fair its gate's scans, the desk's walk-ins, enterprises
/// at the gate and the booths' outcomes (half through the staff API, half as the command line records
/// them); a livestream's calls; a bus season's door scans.
extension WorldPlayer {
    func playFair(_ c: CountingWorld.Campaign, staff: String, manager: String) async throws {
        let server = StaffServer(environment: ServerEnvironment(workspace: h.workspace, campaign: c.name, checkpoint: "gate",
                                                                clock: h.clock, plugins: BuiltinPlugins.all))
        let app = Application(router: server.router())
        try await app.test(.router) { client in
            let api = StaffAPI(client: client)
            for scan in c.scans {
                let person = world.everyone[scan.person]
                if scan.overHTTP {
                    _ = try await api.post("/api/checkin", ["input": person.idNumber, "gate": scan.gate], token: staff)
                } else {
                    try await scanAsTheCommandLine(c.name, checkpoint: scan.checkpoint, input: person.idNumber, gate: scan.gate)
                }
            }
            for walkIn in c.walkIns {
                let person = world.everyone[walkIn.person]
                var body: [String: Any] = ["name": person.name, "id_number": person.idNumber, "gate": "north"]
                if walkIn.person >= world.people.count {   // not in the ledger yet: the desk types it all
                    if person.phone.count == 11 { body["phone"] = person.phone }
                    body["township"] = person.township
                    body["village"] = person.village
                    let known = person.labels.filter { $0 != CountingWorld.unknownLabel }
                    if !known.isEmpty { body["groups"] = known.joined(separator: "、") }
                }
                let answer = try await api.post("/api/register", body, token: staff)
                guard answer.status == 200 else { throw PlayError("walk-in refused: \(answer)") }
            }
            for enterprise in c.enterprisesAtGate {
                try await scanAsTheCommandLine(c.name, input: world.enterprises[enterprise].creditCode, gate: "north")
            }
            for outcome in c.outcomes {
                try await record(outcome, in: c, api: api, staff: staff, manager: manager)
            }
        }
    }

    private func scanAsTheCommandLine(_ campaign: String, checkpoint: String = "gate", input: String, gate: String) async throws {
        let now = h.clock.now()
        _ = try await pool.write { db in
            try Scans.scan(db, ScanRequest(campaign: campaign, checkpoint: checkpoint, input: input, gate: gate, staff: "甲"), now: now)
        }
    }

    /// One outcome: refused ones are refused by the product (the model knows which); anything else
    /// going wrong fails the test.
    private func record(_ o: CountingWorld.Outcome, in c: CountingWorld.Campaign, api: StaffAPI, staff: String,
                        manager: String) async throws {
        let person = world.everyone[o.person].idNumber
        let posting = world.postings[o.posting].code
        let stage = OutcomeStage(rawValue: o.stage)!
        let note = o.notAttended ? "电话回访确认入职" : ""
        if o.overHTTP {
            var body: [String: Any] = ["person": person, "posting": posting, "stage": stage.verb, "note": note]
            if o.correct { body["correct"] = true }
            if o.notAttended { body["not_attended"] = true }
            let answer = try await api.post("/api/outcomes", body, token: o.byManager ? manager : staff)
            guard [200, 400, 403].contains(answer.status) else { throw PlayError("outcome: \(answer)") }
            return
        }
        let entry = OutcomeEntry(campaign: c.name, person: person, posting: posting, stage: stage, note: note,
                                 recordedBy: o.byManager ? "乙" : "甲", recordedByRole: o.byManager ? .manager : .staff,
                                 correction: o.correct, notAttended: o.notAttended)
        let now = h.clock.now()
        do {
            _ = try await pool.write { db in try OutcomeRecorder.record(db, entry, now: now) }
        } catch is any Refusal {
            // Refused as the command line would refuse it (exit 65): counted nowhere.
        }
    }

    func playCalls(_ c: CountingWorld.Campaign) async throws {
        let calls = try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.id, l.phone FROM livestream_call c JOIN livestream_lead l ON l.id = c.lead_id WHERE c.campaign = ?
                """, arguments: [c.name]).map { ($0["id"] as Int64, $0["phone"] as String) }
        }
        let now = h.clock.now()
        for (id, phone) in calls {
            guard let result = c.calls[phone] else { continue }
            do {
                _ = try await pool.write { db in
                    try CallRecorder.record(db, call: id, status: CallStatus(rawValue: result.rawValue)!, campaign: c.name,
                                            staff: nil, note: "", posting: nil, idNumber: nil, now: now)
                }
            } catch let error as WorkflowError where error.code == .usage {
                // Booking someone the ledger does not know is refused: the call stays open.
            }
        }
    }

    func playDoors(_ c: CountingWorld.Campaign) async throws {
        let seated = seats[c.name] ?? [:]
        for scan in c.doorScans {
            let plate = scan.otherPlate ?? seated[scan.person]?.plate ?? CountingWorld.plates[0]
            let person = world.people[scan.person].idNumber
            // Each door on the passenger's own departure day (boarding on another day is refused, #36).
            let now = seated[scan.person].flatMap { TimeFormats.dateTime("\($0.day) 12:00", timeZone: WorkflowDefinition.defaultTimeZone) }
                .map { scan.dayBefore ? $0.addingTimeInterval(-86_400) : $0 } ?? h.clock.now()
            _ = try await pool.write { db in
                try Scans.scan(db, ScanRequest(campaign: c.name, checkpoint: scan.checkpoint, input: person, gate: plate,
                                           staff: "甲"), now: now)
            }
        }
    }
}

/// The staff API through the router, in this process: no socket, the same routes and middleware.
struct StaffAPI {
    let client: any TestClientProtocol

    func post(_ path: String, _ body: [String: Any], token: String) async throws -> (status: Int, body: String) {
        let data = try JSONSerialization.data(withJSONObject: body)
        return try await client.execute(uri: path, method: .post,
                                        headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                        body: ByteBuffer(bytes: data)) { response in
            (Int(response.status.code), String(buffer: response.body))
        }
    }
}

struct PlayError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
