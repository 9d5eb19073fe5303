import Foundation
import GRDB
import Ledger
import Workflow

public enum Scans {
    /// Records a scan and answers it, in one transaction. Exactly one accepted scan per person
    /// and checkpoint exists, even with many staff scanning at once; a nonce seen before returns
    /// the answer it got the first time.
    public static func scan(_ db: Database, _ request: ScanRequest, now: Date) throws -> ScanAnswer {
        try scan(db, request, now: now, windows: WindowCache())
    }

    /// Scans many requests in the caller's transaction, each in its own savepoint so one failure
    /// cannot undo another (group commit for a busy gate). Windows are read once per batch.
    public static func scan(_ db: Database, _ requests: [ScanRequest], now: Date) -> [Result<ScanAnswer, any Error>] {
        let windows = WindowCache()
        return requests.map { request in
            Result { try inSavepoint(db) { try scan(db, request, now: now, windows: windows) } }
        }
    }

    /// `body` in a savepoint of the caller's transaction: undone alone when it throws. The same as GRDB's
    /// `inSavepoint`, but its three statements are prepared once per connection rather than on every scan.
    static func inSavepoint<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.cachedStatement(sql: "SAVEPOINT scan").execute()
        do {
            let result = try body()
            try db.cachedStatement(sql: "RELEASE SAVEPOINT scan").execute()
            return result
        } catch {
            try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT scan").execute()
            try db.cachedStatement(sql: "RELEASE SAVEPOINT scan").execute()
            throw error
        }
    }

    /// The answer a nonce got the first time, if it was seen before.
    static func replay(_ db: Database, nonce: String) throws -> ScanAnswer? {
        guard let previous = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT result, reason, reason_message, person_id FROM scan WHERE nonce = ?
            """), arguments: [nonce]) else { return nil }
        let person = try (previous["person_id"] as Int64?).flatMap { try People.summary(db, id: $0) }
        // A value no version wrote reads as rejected, never as a crash.
        return answer(result: previous["result"] as ScanAnswer.Result? ?? .rejected, message: storedMessage(previous["reason_message"], words: previous["reason"]),
                      person: person, replayed: true)
    }

    static func scan(_ db: Database, _ request: ScanRequest, now: Date, windows: WindowCache) throws -> ScanAnswer {
        var request = request
        // A gate given by the name people read for it (北门) is that gate.
        if let window = try windows.window(db, for: request), !window.gates.contains(request.gate),
           let gate = window.gateNames.first(where: { $0.value == request.gate })?.key {
            request.gate = gate
        }
        // An enterprise's credit code at the gate checks its booth in, apart from the job seekers.
        if EnterpriseCheckIns.looksLikeEnterprise(request.input) {
            return try EnterpriseCheckIns.checkIn(db, request.input, campaign: request.campaign, gate: request.gate,
                                                  staff: request.staff, now: now)
        }
        let zone = try windows.timeZone(db, of: request.campaign)
        let nowText = windows.stored(now)
        // A badge code, an ID or a phone number is at most a couple of dozen characters: anything
        // longer is refused unread, and only its masked beginning is kept.
        let (method, lookup) = request.input.unicodeScalars.count > Self.longestInput
            ? (PersonLookup.Method.code, .failure(LookupFailure(Message(LookupMessages.tooLong, ["length": "\(request.input.unicodeScalars.count)",
                                                                             "limit": "\(Self.longestInput)"]))))
            : try resolve(db, request)
        let (result, reason): (ScanAnswer.Result, Message)
        var personID: Int64?
        var firstScan: Int64?
        var person: PersonSummary?
        switch lookup {
        case .failure(let why):
            (result, reason) = (.rejected, why.message)
        case .success(let id):
            personID = id
            let found = try People.atGate(db, id: id, campaign: request.campaign)
            person = found?.person
            (result, reason, firstScan) = try judge(db, request, person: id, registered: found?.registered ?? false, now: now,
                                                    zone: zone, windows: windows)
        }
        do {
            let stored = windows.stored(reason)
            let insert = try RawStatement(cached: db, sql: """
                INSERT INTO scan (nonce, campaign, checkpoint, person_id, method, input, gate, staff, device, client_time,
                                  received_at, result, reason, reason_message, first_scan_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            insert.bind(1, request.nonce)
            insert.bind(2, request.campaign)
            insert.bind(3, request.checkpoint)
            insert.bind(4, personID)
            insert.bind(5, method.rawValue)
            insert.bind(6, Self.stored(request.input))
            insert.bind(7, request.gate)
            insert.bind(8, request.staff)
            insert.bind(9, request.device)
            insert.bind(10, request.clientTime.map(StoredTime.text))
            insert.bind(11, nowText)
            insert.bind(12, result.rawValue)
            insert.bind(13, stored.english)
            insert.bind(14, stored.form)
            insert.bind(15, firstScan)
            _ = try insert.step()
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            // The nonce was seen before (a retried request): answer as the first time, count nothing.
            // Checking for it only when the insert fails keeps a query off every normal scan.
            guard let first = try replay(db, nonce: request.nonce) else { throw error }
            return first
        }
        return answer(result: result, message: reason, person: person, replayed: false)
    }

    /// A person's admission day at the checkpoint (`AdmissionDays`): refused on another day, or once their
    /// admission closed (their bus left) — unless a manager lets them through, which the audit log keeps.
    static func admissionProblem(_ db: Database, _ request: ScanRequest, person id: Int64, happened: Date, zone: TimeZone,
                                 now: Date, windows: WindowCache) throws -> Message? {
        guard let (day, closedAt) = try windows.admissionDay(db, for: request, person: id) else { return nil }
        let today = String(TimeFormats.display(happened, timeZone: zone).prefix(10))
        guard closedAt != nil || day != today else { return nil }
        guard request.overridesDay else {
            if let closedAt { return Message(CheckinMessages.admissionClosed, ["time": closedAt]) }
            return Message(CheckinMessages.wrongDay, ["day": day, "today": today])
        }
        let manager = try AuditLog.requireManager(db, request.staff)
        try AuditLog.record(db, actor: manager.name, action: "checkin-day-override", campaign: request.campaign,
                            detail: "let person \(id) through \(request.checkpoint) on \(today), due on \(day)"
                                + (closedAt.map { " (admission closed at \($0))" } ?? ""), at: now)
        return nil
    }

    /// Whether a person found for the scan may pass: the checkpoint's window open at the time it
    /// happened, registered for the campaign, not checked in here before (then a repeat, naming when,
    /// where and by whom). The result, the reason shown, and the first scan a repeat points at.
    static func judge(_ db: Database, _ request: ScanRequest, person id: Int64, registered: Bool, now: Date, zone: TimeZone,
                      windows: WindowCache) throws -> (ScanAnswer.Result, Message, Int64?) {
        let happened = Self.happened(request, now: now)
        if let why = try windowProblem(request, now: happened, zone: zone, window: windows.window(db, for: request)) {
            return (.rejected, why, nil)
        }
        guard registered else {
            let walkIns = try windows.window(db, for: request)?.walkIns ?? false
            let reason = Message(CheckinMessages.notRegistered, ["campaign": request.campaign])
            return (.rejected, walkIns ? reason + Message(CheckinMessages.walkInsWelcome) : reason, nil)
        }
        if let why = try admissionProblem(db, request, person: id, happened: happened, zone: zone, now: now, windows: windows) {
            return (.rejected, why, nil)
        }
        let first = try RawStatement(cached: db, sql: """
            SELECT id, gate, staff, received_at FROM scan
            WHERE campaign = ? AND checkpoint = ? AND person_id = ? AND \(ScanAnswer.Result.isAccepted)
            """)
        first.bind(1, request.campaign)
        first.bind(2, request.checkpoint)
        first.bind(3, id)
        if try first.step() {
            defer { first.reset() }
            let gate = first.text(1) ?? "", staff = first.text(2) ?? ""
            let at = first.text(3).flatMap(StoredTime.date) ?? now
            let gateName = try windows.window(db, for: request)?.gateNames[gate] ?? gate
            return (.repeat_, CheckinMessages.alreadyCheckedIn(time: String(TimeFormats.display(at, timeZone: zone).suffix(5)),
                                                              gate: gateName, staff: staff), first.int(0))
        }
        // Sent late from a device's queue: staff see when it was really scanned.
        return (.accepted, happened < now.addingTimeInterval(-60)
            ? Message(CheckinMessages.checkedInOffline, ["time": String(TimeFormats.display(happened, timeZone: zone).suffix(5))])
            : Message(CheckinMessages.checkedIn), nil)
    }

    /// The longest input read as a code, an ID or a phone number.
    static let longestInput = 64

    /// The longest a device may have kept a scan and still have it judged at the time it happened:
    /// a fair day. Kept longer, it is judged when it arrives.
    public static let longestKept: TimeInterval = 12 * 3600

    /// When the scan happened: now, less the time the device kept it (within `longestKept`).
    static func happened(_ request: ScanRequest, now: Date) -> Date {
        guard let kept = request.keptFor, kept.isFinite, kept > 0, kept <= longestKept else { return now }
        return now.addingTimeInterval(-kept)
    }

    /// What the ledger keeps of the typed input: masked, without control characters, at most `longestInput`.
    static func stored(_ input: String) -> String {
        let scalars = input.unicodeScalars
        // A scanned code or number (nearly every input) needs no filtering: it is kept as it came.
        let printable = input.utf8.count <= Self.longestInput * 2 && input.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F })
            ? input
            : String(String.UnicodeScalarView(scalars.prefix(Self.longestInput * 2).filter { $0.value >= 0x20 && $0.value != 0x7F }))
        return String(Masking.scrub(printable).prefix(Self.longestInput))
    }

    /// A stored reason: its keys and values when it has them, else the words stored before scans kept keys.
    static func storedMessage(_ stored: String?, words: String?) -> Message {
        stored.flatMap { Message(storedForm: $0, catalogue: CheckinMessages.byKey) } ?? .verbatim(words ?? "")
    }

    static func answer(result: ScanAnswer.Result, message: Message, person: PersonSummary?, replayed: Bool) -> ScanAnswer {
        ScanAnswer(result: result, message: message,
                   maskedName: person.map { Masking.name($0.name) }, maskedID: person.map { Masking.idNumber($0.idNumber) },
                   groups: person?.groups.labels ?? [], replayed: replayed)
    }

    /// Finds the person a scan names: a badge code, an ID number or a mobile number.
    static func resolve(_ db: Database, _ request: ScanRequest) throws -> (method: PersonLookup.Method, Result<Int64,
                        LookupFailure>) {
        try PersonLookup.resolve(db, request.input, campaign: request.campaign)
    }

    /// Why check-in was not possible at this checkpoint at `now` (the moment the scan happened), or nil
    /// when it was open. A checkpoint closed since still takes a scan made before it closed.
    static func windowProblem(_ request: ScanRequest, now: Date, zone: TimeZone, window: CheckpointWindow?) -> Message? {
        let checkpoint = request.checkpoint
        guard let window else {
            return Message(CheckinMessages.notOpen, ["checkpoint": checkpoint, "campaign": request.campaign])
        }
        if window.closed, (window.closedAt.map { now >= $0 } ?? true) {
            return Message(CheckinMessages.closed, ["checkpoint": checkpoint])
        }
        if let opens = window.opens, now < opens {
            return Message(CheckinMessages.opensAt, ["checkpoint": checkpoint, "time": TimeFormats.display(opens, timeZone: zone)])
        }
        if let closes = window.closes, now >= closes {
            return Message(CheckinMessages.closedAt,
                           ["checkpoint": checkpoint, "time": TimeFormats.display(closes, timeZone: zone)])
        }
        // Wherever the checkpoint names its gates, a scan says which: one without would be counted
        // under no gate at all. The one rule for every door (the page, the API, the desk, the CLI).
        let gates = window.gates
        if !gates.isEmpty, request.gate.isEmpty {
            return Message(CheckinMessages.gateRequired, ["checkpoint": checkpoint, "gates": gates.joined(separator: ", ")])
        }
        if !gates.isEmpty, !gates.contains(request.gate) {
            return Message(CheckinMessages.noSuchGate,
                           ["gate": Masking.scrub(request.gate), "checkpoint": checkpoint, "gates": gates.joined(separator: ", ")])
        }
        return nil
    }
}

extension Scans {
    /// The scan history of a checkpoint, oldest first, masked; `latest` keeps only the newest N.
    public static func history(_ db: Database, campaign: String, checkpoint: String, latest: Int? = nil) throws -> [ScanEntry] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT received_at, gate, staff, method, input, result, reason, reason_message, person_id
            FROM scan WHERE campaign = ? AND checkpoint = ? ORDER BY id DESC LIMIT ?
            """, arguments: [campaign, checkpoint, latest ?? -1])
        let people = try People.summaries(db, ids: rows.compactMap { $0["person_id"] as Int64? })
        return rows.reversed().map { row in
            let person = (row["person_id"] as Int64?).flatMap { people[$0] }
            return ScanEntry(at: row["received_at"], gate: row["gate"], staff: row["staff"], method: row["method"],
                             input: row["input"], name: person.map { Masking.name($0.name) },
                             idNumber: person.map { Masking.idNumber($0.idNumber) }, result: row["result"],
                             message: storedMessage(row["reason_message"], words: row["reason"]))
        }
    }
}
