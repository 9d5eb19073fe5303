import Foundation
import GRDB
import Workflow

/// What happened at one checkpoint: distinct people checked in, in all and per gate, and every scan
/// by its answer. Counted in one pass over the checkpoint's scans, for the gate step's outputs, the
/// terminal's `campaign checkins` and the page's live counts alike.
public struct CheckpointCounts: Sendable, Equatable {
    /// Distinct people with an accepted scan.
    public var attended = 0
    /// Distinct people per gate ("" for scans made without naming a gate).
    public var byGate: [String: Int] = [:]
    public var scans = 0
    public var repeats = 0
    public var rejected = 0
}

extension Scans {
    public static func counts(_ db: Database, campaign: String, checkpoint: String) throws -> CheckpointCounts {
        var counts = CheckpointCounts()
        for row in try Row.fetchAll(db, sql: """
            SELECT result, gate, count(*) AS scans FROM scan WHERE campaign = ? AND checkpoint = ? GROUP BY result, gate
            """, arguments: [campaign, checkpoint]) {
            let scans: Int = row["scans"]
            counts.scans += scans
            switch row["result"] as ScanAnswer.Result? {
            case .accepted:
                counts.attended += scans  // one accepted scan per person (the scan_once index)
                counts.byGate[row["gate"], default: 0] += scans
            case .repeat_: counts.repeats += scans
            case .rejected, nil: counts.rejected += scans
            }
        }
        return counts
    }

    /// Whether the person was checked in at any checkpoint of the campaign (what "attended" means).
    public static func hasCheckedIn(_ db: Database, _ person: Int64, campaign: String) throws -> Bool {
        try AcceptedScans.contains(db, person, campaign: campaign)
    }

    /// The gates a checkpoint's step named (empty: any gate), for the page's gate picker.
    /// The checkpoints the campaign's steps opened (open or closed since), by name:
    /// one `serve` answers each of them (a bus campaign's four doors).
    public static func checkpoints(_ db: Database, campaign: String) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT checkpoint FROM checkin_window WHERE campaign = ? ORDER BY checkpoint",
                            arguments: [campaign])
    }

    public static func gates(_ db: Database, campaign: String, checkpoint: String) throws -> [String] {
        let gates = try String.fetchOne(db, sql: "SELECT gates FROM checkin_window WHERE campaign = ? AND checkpoint = ?",
                                        arguments: [campaign, checkpoint]) ?? ""
        return gates.split(separator: ",").map(String.init)
    }

    /// The names people read for the gates of every checkpoint of a campaign (`gate_names:`), by gate.
    public static func gateNames(_ db: Database, campaign: String) throws -> [String: String] {
        try String?.fetchAll(db, sql: "SELECT gate_names FROM checkin_window WHERE campaign = ?", arguments: [campaign])
            .reduce(into: [:]) { names, json in names.merge(GateNames.decode(json)) { first, _ in first } }
    }

    /// The names people read for the checkpoint's gates (`gate_names:`), by gate; empty when none are given.
    public static func gateNames(_ db: Database, campaign: String, checkpoint: String) throws -> [String: String] {
        let json = try String.fetchOne(db, sql: "SELECT gate_names FROM checkin_window WHERE campaign = ? AND checkpoint = ?",
                                       arguments: [campaign, checkpoint]) ?? nil
        return GateNames.decode(json)
    }
}

/// `gate_names` as stored: a JSON object of gate → name.
enum GateNames {
    static func decode(_ json: String?) -> [String: String] {
        guard let json, case .object(let names)? = try? Value(jsonText: json) else { return [:] }
        return names.compactMapValues(\.stringValue)
    }
}

/// A person's accepted scan at a checkpoint: where and when.
public struct AcceptedScan: Sendable, Equatable {
    public var gate: String
    public var at: Date
}

extension Scans {
    /// Everyone checked in at a checkpoint, by person: for views that follow people through several
    /// checkpoints (a bus's passengers from home to the factory).
    public static func accepted(_ db: Database, campaign: String, checkpoint: String) throws -> [Int64: AcceptedScan] {
        var found: [Int64: AcceptedScan] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT person_id, gate, received_at FROM scan WHERE campaign = ? AND checkpoint = ? AND \(ScanAnswer.Result.isAccepted)
            """, arguments: [campaign, checkpoint]) {
            if let person: Int64 = row["person_id"] { found[person] = AcceptedScan(gate: row["gate"], at: row["received_at"]) }
        }
        return found
    }

    /// Whether a checkpoint's step has closed it (nil: never opened).
    public static func isClosed(_ db: Database, campaign: String, checkpoint: String) throws -> Bool? {
        try String.fetchOne(db, sql: "SELECT status FROM checkin_window WHERE campaign = ? AND checkpoint = ?",
                            arguments: [campaign, checkpoint]).map { $0 == "closed" }
    }
}
