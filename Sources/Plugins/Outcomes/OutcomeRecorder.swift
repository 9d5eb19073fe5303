import Foundation
import Checkin
import GRDB
import Ledger
import Workflow

/// One outcome as booth staff or a follow-up clerk report it.
public struct OutcomeEntry: Sendable {
    public var campaign: String
    /// A badge code, an ID number or a mobile number.
    public var person: String
    /// The posting's code (e.g. P7K2M9Q), as printed on the posting list.
    public var posting: String
    public var stage: OutcomeStage
    /// `yyyy-MM-dd` or another common spelling; today when nil.
    public var date: String?
    public var note: String
    public var recordedBy: String
    /// The role of the account recording it — the page's signed-in staff, or the account `--staff`
    /// names; nil at the workspace's own terminal when no account is named (its owner).
    public var recordedByRole: StaffRole?
    /// Moving a stage back (or withdrawing it with `.none`) is a correction and must be asked for.
    public var correction: Bool
    /// cli, web, or the imported file's name.
    public var source: String
    /// Said on purpose: the person was placed without ever being checked in at the campaign (a
    /// follow-up call, a referral). Needs a note saying how.
    public var notAttended: Bool
    /// The enterprise the recording account is bound to (a booth account), by credit code: it may
    /// record outcomes for that enterprise's postings only.
    public var boundEnterprise: String?
    /// That enterprise's name, for the refusal.
    public var boundEnterpriseName: String?

    public init(campaign: String, person: String, posting: String, stage: OutcomeStage, date: String? = nil,
                note: String = "", recordedBy: String = "", recordedByRole: StaffRole? = nil, correction: Bool = false,
                source: String = "cli", notAttended: Bool = false) {
        self.recordedByRole = recordedByRole
        self.campaign = campaign
        self.person = person
        self.posting = posting
        self.stage = stage
        self.date = date
        self.note = note
        self.recordedBy = recordedBy
        self.correction = correction
        self.source = source
        self.notAttended = notAttended
    }
}

/// What recording did.
public struct OutcomeResult: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        /// Moved forward (or recorded for the first time, from `.none`).
        case advanced(from: OutcomeStage, to: OutcomeStage)
        /// Already at that stage or further (a placement implies the interview): nothing written,
        /// so re-importing a sheet changes nothing. Carries the stage the person stays at.
        case unchanged(OutcomeStage)
        /// Moved back or withdrawn on purpose; kept in the history as a correction.
        case corrected(from: OutcomeStage, to: OutcomeStage)
    }

    public var change: Change
    public var maskedName: String
    public var maskedID: String
    public var posting: String
    public var enterprise: String
}

/// A refusal that names what to do about it. The row number is filled in by imports.
public struct OutcomeRefusal: Refusal {
    public enum Input: String, Sendable { case person, posting, stage, date }
    public var input: Input
    public var reason: Message
    public var field: String? { input.rawValue }

    public init(field: Input, reason: Message) {
        input = field
        self.reason = reason
    }

    init(field: Input, _ text: MessageText, _ values: [String: String] = [:]) {
        self.init(field: field, reason: Message(text, values))
    }
}

public enum OutcomeRecorder {
    /// Records an outcome in the caller's transaction. Moving forward is always allowed (skipping
    /// stages is fine: a placement implies the interview and the intent); the same or an earlier
    /// stage changes nothing; moving back happens only with `correction`, kept in the history.
    public static func record(_ db: Database, _ entry: OutcomeEntry, now: Date) throws -> OutcomeResult {
        let run = try RunQueries.requireRun(db, entry.campaign)
        try Registrations.requireOpenCampaign(db, entry.campaign)
        return try record(db, inStartedCampaign: entry, timeZone: run.timeZone, heldOn: run.heldDay, now: now)
    }

    /// The one rule for every door (the page, the API, `campaign record`, a sheet): moving someone back
    /// is a manager's act, so an account below manager may only move people forward.
    static func requirePermission(_ entry: OutcomeEntry) throws {
        guard entry.correction, let role = entry.recordedByRole, !role.includes(.manager) else { return }
        throw RoleRefusal(needed: .manager, reason: Message(OutcomeMessages.managerCorrects, ["staff": entry.recordedBy]))
    }

    /// `record` for a campaign the caller has already checked (an import checks it once, not per
    /// row); a date not given is today in the campaign's `timeZone`.
    static func record(_ db: Database, inStartedCampaign entry: OutcomeEntry, timeZone: TimeZone, heldOn: String,
                       now: Date) throws -> OutcomeResult {
        try requirePermission(entry)
        let personID = try person(db, entry.person, campaign: entry.campaign)
        let posting = try posting(db, entry.posting, campaign: entry.campaign)
        if let bound = entry.boundEnterprise, bound != posting.creditCode {
            throw RoleRefusal(needed: .manager, reason: Message(OutcomeMessages.otherEnterprise, [
                "staff": entry.recordedBy, "enterprise": entry.boundEnterpriseName ?? bound, "posting": posting.code,
                "owner": posting.enterprise]))
        }
        let date = try outcomeDate(db, entry, personID: personID, timeZone: timeZone, heldOn: heldOn, now: now)
        let notAttended = try placedWithoutComing(db, entry, personID: personID)
        let current = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT stage, stage_date, recorded_by FROM outcome WHERE campaign = ? AND person_id = ? AND posting_id = ?
            """), arguments: [entry.campaign, personID, posting.id])
        let from = current.flatMap { OutcomeStage(rawValue: $0["stage"]) } ?? OutcomeStage.none
        let change: OutcomeResult.Change
        if entry.stage > from {
            change = .advanced(from: from, to: entry.stage)
        } else if entry.correction && entry.stage < from {
            change = .corrected(from: from, to: entry.stage)
        } else {
            // The same stage, or an earlier one the current stage already implies (an interview
            // sheet imported after the placements): true, and nothing to write.
            change = .unchanged(from)
        }
        if case .unchanged = change {} else {
            try write(db, entry, change: change, from: from, personID: personID, posting: posting, date: date,
                      notAttended: notAttended, now: now)
        }
        let who = try People.summary(db, id: personID)
        return OutcomeResult(change: change, maskedName: Masking.name(who?.name ?? ""),
                             maskedID: Masking.idNumber(who?.idNumber ?? ""), posting: posting.title,
                             enterprise: posting.enterprise)
    }

    /// The outcome's day: the one given, or today in the campaign's time zone. An outcome happens after
    /// the person was in the campaign and before today: a date outside that is a typo (2025 for 2026, a
    /// month and day swapped) and would land in another period.
    static func outcomeDate(_ db: Database, _ entry: OutcomeEntry, personID: Int64, timeZone: TimeZone, heldOn: String,
                            now: Date) throws -> String {
        let today = SheetDate.day(of: now, in: timeZone)
        var date = today
        if let raw = entry.date, !raw.isEmpty {
            guard let parsed = SheetDate.parse(raw) else {
                throw OutcomeRefusal(field: .date, OutcomeMessages.notADate, ["value": raw])
            }
            date = parsed
        }
        if date > today {
            throw OutcomeRefusal(field: .date, OutcomeMessages.afterToday, ["date": date, "today": today])
        }
        let registered = try Registrations.registeredAt(db, personID, campaign: entry.campaign)
            .map { SheetDate.day(of: $0, in: timeZone) } ?? heldOn
        if date < min(registered, heldOn) {
            throw OutcomeRefusal(field: .date, OutcomeMessages.beforeCampaign,
                                 ["date": date, "campaign": entry.campaign, "held": heldOn, "registered": registered])
        }
        return date
    }

    /// Placed without having come: only when said so, with how (a note); true then.
    static func placedWithoutComing(_ db: Database, _ entry: OutcomeEntry, personID: Int64) throws -> Bool {
        guard entry.stage >= .placed, !(try Scans.hasCheckedIn(db, personID, campaign: entry.campaign)) else { return false }
        guard entry.notAttended else {
            throw OutcomeRefusal(field: .person, OutcomeMessages.neverCheckedIn,
                                 ["person": Masking.scrub(entry.person), "campaign": entry.campaign])
        }
        guard !entry.note.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw OutcomeRefusal(field: .person, OutcomeMessages.placementNeedsNote)
        }
        return true
    }

    /// The new stage (or its withdrawal), the change kept in `outcome_change`, and a correction in the
    /// audit log.
    static func write(_ db: Database, _ entry: OutcomeEntry, change: OutcomeResult.Change, from: OutcomeStage, personID: Int64,
                      posting: PostingSummary, date: String, notAttended: Bool, now: Date) throws {
        if entry.stage == .none {
            try db.cachedStatement(sql: "DELETE FROM outcome WHERE campaign = ? AND person_id = ? AND posting_id = ?")
                .execute(arguments: [entry.campaign, personID, posting.id])
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO outcome (campaign, person_id, posting_id, stage, stage_date, note, recorded_by, updated_at,
                                     not_attended)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (campaign, person_id, posting_id) DO UPDATE SET stage = excluded.stage,
                    stage_date = excluded.stage_date, note = excluded.note, recorded_by = excluded.recorded_by,
                    updated_at = excluded.updated_at, not_attended = excluded.not_attended
                """).execute(arguments: [entry.campaign, personID, posting.id, entry.stage.rawValue, date, entry.note,
                                         entry.recordedBy, now, notAttended])
        }
        var correction = false
        if case .corrected = change { correction = true }
        try db.cachedStatement(sql: """
            INSERT INTO outcome_change (campaign, person_id, posting_id, from_stage, to_stage, stage_date, note, correction,
                                        recorded_by, source, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [entry.campaign, personID, posting.id, from.rawValue, entry.stage.rawValue, date,
                                     entry.note, correction, entry.recordedBy, entry.source, now])
        guard correction else { return }
        try AuditLog.record(db, actor: entry.recordedBy.isEmpty ? "unknown" : entry.recordedBy,
                            action: entry.stage == .none ? "outcome-withdrawn" : "outcome-corrected",
                            campaign: entry.campaign,
                            detail: "person #\(personID), posting \(posting.code): \(from.verb) → \(entry.stage.verb) (\(entry.source))",
                            at: now)
    }

    /// The person, who must be registered for the campaign: outcomes count in its funnel.
    static func person(_ db: Database, _ input: String, campaign: String) throws -> Int64 {
        let (_, lookup) = try PersonLookup.resolve(db, input, campaign: campaign)
        switch lookup {
        case .failure(let why):
            throw OutcomeRefusal(field: .person, reason: why.message)
        case .success(let id):
            guard try Registrations.isRegistered(db, id, campaign: campaign) else {
                throw OutcomeRefusal(field: .person, OutcomeMessages.notRegistered,
                                     ["person": Masking.scrub(input), "campaign": campaign])
            }
            return id
        }
    }

    /// The posting, which must be offered at the campaign (imported with it or linked to it).
    static func posting(_ db: Database, _ input: String, campaign: String) throws -> PostingSummary {
        let code = input.trimmingCharacters(in: .whitespaces).uppercased()
        guard !code.isEmpty else {
            throw OutcomeRefusal(field: .posting, OutcomeMessages.noPostingGiven)
        }
        let posting: PostingSummary
        switch try Postings.lookup(db, code: code, campaign: campaign) {
        case .none:
            throw OutcomeRefusal(field: .posting, OutcomeMessages.unknownPosting, ["code": code, "campaign": campaign])
        case .ambiguous(let several):
            throw OutcomeRefusal(field: .posting, OutcomeMessages.sharedPostingCode, [
                "code": code, "count": String(several.count),
                "postings": several.prefix(4).map { "\($0.enterprise) \($0.title)" }.joined(separator: "; ")])
        case .found(let one, let offered):
            guard offered else {
                throw OutcomeRefusal(field: .posting, OutcomeMessages.postingNotOffered,
                                     ["code": code, "title": one.title, "campaign": campaign])
            }
            posting = one
        }
        return posting
    }

    /// The history of one person's outcomes in a campaign, oldest first (masked nothing: no personal data in it).
    public static func history(_ db: Database, campaign: String, person: String) throws -> [OutcomeChange] {
        let personID = try self.person(db, person, campaign: campaign)
        let rows = try Row.fetchAll(db, sql: """
            SELECT from_stage, to_stage, stage_date, note, correction, recorded_by, source, recorded_at, posting_id
            FROM outcome_change WHERE campaign = ? AND person_id = ? ORDER BY id
            """, arguments: [campaign, personID])
        let postings = try Postings.summaries(db, ids: rows.map { $0["posting_id"] as Int64 })
        return rows.map { row in
            let posting = postings[row["posting_id"]]
            return OutcomeChange(from: OutcomeStage(rawValue: row["from_stage"]) ?? .none,
                                 to: OutcomeStage(rawValue: row["to_stage"]) ?? .none, date: row["stage_date"],
                                 note: row["note"], correction: row["correction"], recordedBy: row["recorded_by"],
                                 source: row["source"], recordedAt: row["recorded_at"], postingCode: posting?.code ?? "",
                                 postingTitle: posting?.title ?? "")
        }
    }
}

public struct OutcomeChange: Sendable {
    public var from: OutcomeStage
    public var to: OutcomeStage
    public var date: String
    public var note: String
    public var correction: Bool
    public var recordedBy: String
    public var source: String
    public var recordedAt: Date
    public var postingCode: String
    public var postingTitle: String
}

extension OutcomeRecorder {
    /// The code of the posting an enterprise offers at a campaign under a title, for sheets that
    /// name postings by enterprise and title rather than by code.
    static func postingCode(_ db: Database, enterprise: String, title: String, campaign: String) throws -> String {
        let codes = try Postings.codes(db, enterprise: enterprise, title: title, campaign: campaign)
        guard codes.count == 1 else {
            throw OutcomeRefusal(field: .posting, codes.isEmpty ? OutcomeMessages.noSuchTitle : OutcomeMessages.severalTitles,
                                 ["enterprise": enterprise, "title": title, "campaign": campaign])
        }
        return codes[0]
    }
}

/// A job seeker at a stage, for the list a manager asks for (who was placed): masked.
public struct OutcomePerson: Sendable {
    public var campaign: String
    public var maskedName: String
    public var maskedID: String
    public var maskedPhone: String
    public var township: String
    public var village: String
    public var stage: OutcomeStage
    public var date: String
    public var postingCode: String
    public var postingTitle: String
    public var enterprise: String
    /// Township, village and unmasked name: the order lists are printed in (as the SQL did, by bytes).
    var sortKey: [String]
}

/// A job seeker placed at a campaign: with which posting, on which day.
public struct Placement: Sendable, Equatable {
    public var person: Int64
    public var posting: Int64
    public var date: String
}

extension OutcomeRecorder {
    /// Everyone placed (or retained) at a campaign, once each, with the posting of their furthest
    /// outcome: the workers a bus campaign may carry to their enterprises.
    public static func placements(_ db: Database, campaign: String) throws -> [Placement] {
        try Row.fetchAll(db, sql: """
            SELECT o.person_id, o.posting_id, o.stage_date FROM outcome o
            WHERE o.campaign = ? AND o.stage >= ?
              AND o.posting_id = (SELECT o2.posting_id FROM outcome o2 WHERE o2.campaign = o.campaign
                                  AND o2.person_id = o.person_id ORDER BY o2.stage DESC, o2.stage_date LIMIT 1)
            ORDER BY o.person_id
            """, arguments: [campaign, OutcomeStage.placed.rawValue]).map {
            Placement(person: $0["person_id"], posting: $0["posting_id"], date: $0["stage_date"])
        }
    }

    /// Everyone at `atLeast` or further in a campaign, with their furthest outcome, masked.
    public static func people(_ db: Database, campaign: String, atLeast: OutcomeStage) throws -> [OutcomePerson] {
        // Each person's furthest outcome (the earliest-dated posting where they reached it).
        let furthest = try Row.fetchAll(db, sql: """
            SELECT o.person_id, o.posting_id, o.stage, o.stage_date FROM outcome o
            WHERE o.campaign = ? AND o.stage >= ?
              AND o.posting_id = (SELECT o2.posting_id FROM outcome o2 WHERE o2.campaign = o.campaign
                                  AND o2.person_id = o.person_id ORDER BY o2.stage DESC, o2.stage_date LIMIT 1)
            """, arguments: [campaign, max(atLeast.rawValue, 1)])
        let people = try People.summaries(db, ids: furthest.map { $0["person_id"] as Int64 })
        let postings = try Postings.summaries(db, ids: furthest.map { $0["posting_id"] as Int64 })
        return furthest.compactMap { row -> OutcomePerson? in
            guard let person = people[row["person_id"]], let posting = postings[row["posting_id"]] else { return nil }
            return OutcomePerson(campaign: campaign, maskedName: Masking.name(person.name),
                                 maskedID: Masking.idNumber(person.idNumber),
                                 maskedPhone: person.phone.map(Masking.phone) ?? "", township: person.township,
                                 village: person.village, stage: OutcomeStage(rawValue: row["stage"]) ?? .none,
                                 date: row["stage_date"], postingCode: posting.code, postingTitle: posting.title,
                                 enterprise: posting.enterprise, sortKey: [person.township, person.village, person.name])
        }.sorted { $0.sortKey.lexicographicallyPrecedes($1.sortKey) }
    }
}
