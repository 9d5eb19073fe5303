import Foundation
import GRDB
import Ledger
import Workflow

/// Shreds the personal data of a campaign's people once the campaign no longer needs it (China's
/// PIPL: kept no longer than the purpose needs; pretix's data shredder does the same for events).
/// Names, ID numbers, phones, typed scan input and notes go — irreversibly: pseudonyms, not
/// encryption — while every row a count is made from stays, so each report of the campaign keeps its
/// numbers. A person still registered in a campaign that keeps its data is kept. The file itself is
/// then rewritten (secure delete, VACUUM, the WAL emptied) so no old page holds what was taken out.
public enum Shredding {
    /// What a shred of one campaign takes out, or took out.
    public struct Plan: Sendable {
        public var campaign: String
        /// People whose data goes.
        public var people: Int
        /// People kept, and the campaigns that keep them (a person in two counts in both).
        public var kept: Int
        public var keptBy: [String: Int]
        /// A few of the people who go, masked.
        public var sample: [String]
        /// Rows the plugins and the engine rewrote (zero in a dry run).
        public var rowsScrubbed: Int = 0
        /// Files outside the database the workspace wrote with the campaign's people in them (reject
        /// files, exports), to be destroyed once the shred has committed (`destroyFiles`).
        public var files: [PersonalFiles.Entry] = []
    }

    /// Refuses what cannot be shredded: an unknown campaign, one still running, one shredded already.
    static func checkCanShred(_ db: Database, _ campaign: String) throws {
        let run = try RunQueries.requireRun(db, campaign)
        guard run.hasEnded else {
            throw WorkflowError.usage(ToolMessages.stillRunning(["campaign": campaign], words: ["status": StatusWords.word(run.status)()]),
                                      hint: ToolMessages.shredAfterEnd(["campaign": campaign]))
        }
        if let done = try ShredRecords.shred(db, of: campaign) {
            throw WorkflowError.usage(ToolMessages.shreddedAlready(["campaign": campaign, "actor": done.actor,
                                                         "time": TimeFormats.display(done.at, timeZone: run.timeZone)]),
                                      hint: ToolMessages.nothingLeft())
        }
    }

    /// What shredding `campaign` would take out, without changing anything.
    public static func plan(_ db: Database, campaign: String) throws -> Plan {
        try checkCanShred(db, campaign)
        let chosen = try ShredRecords.choosePeople(db, campaign: campaign)
        let sample = try ShredRecords.sample(db, limit: 20)
        try ShredRecords.dropPeopleTable(db)
        return Plan(campaign: campaign, people: chosen.people, kept: chosen.kept, keptBy: chosen.keptBy, sample: sample,
                    files: try PersonalFiles.pending(db, campaign: campaign))
    }

    /// Shreds `campaign`'s people in one transaction (call inside a write): every plugin's shredder,
    /// the run's free text, then the ledger's rows; recorded in `ledger_shred` and the audit log.
    /// The file still holds old pages until `compact` runs.
    public static func shred(_ db: Database, campaign: String, actor: String, reason: String, plugins: [CampaignPlugin],
                             now: Date) throws -> Plan {
        try checkCanShred(db, campaign)
        try db.execute(sql: "PRAGMA secure_delete = ON")
        defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
        let chosen = try ShredRecords.choosePeople(db, campaign: campaign)
        let sample = try ShredRecords.sample(db, limit: 20)
        let values = try ShredRecords.values(db)
        var rows = 0
        for shredder in plugins.compactMap(\.shredder) {
            rows += try shredder.shred(db, campaign: campaign, values: values)
        }
        rows += try RunScrubbing.scrub(db, campaign: campaign, values.scrub)
        rows += try ShredRecords.pseudonymise(db, now: now)
        try ShredRecords.dropPeopleTable(db)
        try ShredRecords.record(db, .init(campaign: campaign, at: now, actor: actor, reason: reason, people: chosen.people,
                                      kept: chosen.kept))
        try AuditLog.record(db, actor: actor, action: "shred", campaign: campaign,
                            detail: "\(chosen.people) people shredded, \(chosen.kept) kept (\(reason))", at: now)
        return Plan(campaign: campaign, people: chosen.people, kept: chosen.kept, keptBy: chosen.keptBy, sample: sample,
                    rowsScrubbed: rows, files: try PersonalFiles.pending(db, campaign: campaign))
    }

    /// After the shred committed: overwrites and removes the campaign's files, notes that they were
    /// dealt with, and records in the audit log what was destroyed and what could not be reached.
    /// A file is only touched once the database no longer holds the people (a failed shred leaves both).
    public static func destroyFiles(_ plan: Plan, actor: String, workspace: Workspace,
                                    now: Date) throws -> PersonalFiles.Outcome {
        guard !plan.files.isEmpty else { return PersonalFiles.Outcome() }
        let outcome = PersonalFiles.destroy(plan.files)
        try workspace.pool.write { db in
            try PersonalFiles.markShredded(db, campaign: plan.campaign, at: now)
            let unreachable = outcome.unreachable.map(\.path)
            try AuditLog.record(db, actor: actor, action: "shred-files", campaign: plan.campaign,
                                detail: "\(outcome.destroyed.count) files destroyed, \(unreachable.count) not found where written"
                                    + (unreachable.isEmpty ? "" : ": " + unreachable.joined(separator: ", ")),
                                at: now)
        }
        return outcome
    }

    /// Rewrites the database file so nothing taken out survives in a free page or the WAL: VACUUM,
    /// then a checkpoint that empties the WAL. Returns false when another process's open read kept
    /// the WAL from being emptied (it is emptied at that process's next checkpoint).
    public static func compact(_ workspace: Workspace) throws -> Bool {
        try workspace.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
            try db.execute(sql: "VACUUM")
            let result = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            return (result?[0] as Int?) == 0
        }
    }

    /// Campaigns whose retention period has ended by `now` and whose people are not yet shredded.
    public static func due(_ db: Database, now: Date) throws -> [String] {
        let shredded = Set(try ShredRecords.all(db).map(\.campaign))
        return try RunQueries.runs(db)
            .filter { !shredded.contains($0.campaign) && ($0.retentionEnds.map { $0 <= now } ?? false) }
            .map(\.campaign)
    }

    /// Shreds every campaign whose retention has ended, each in its own transaction, then compacts
    /// the file once. The daemon calls this; returns what it shredded.
    public static func shredDue(_ workspace: Workspace, plugins: [CampaignPlugin], now: Date) throws -> [Plan] {
        let campaigns = try workspace.pool.read { db in try due(db, now: now) }
        var done: [Plan] = []
        for campaign in campaigns {
            let plan = try workspace.pool.write { db in
                try shred(db, campaign: campaign, actor: "daemon", reason: "retention", plugins: plugins, now: now)
            }
            _ = try destroyFiles(plan, actor: "daemon", workspace: workspace, now: now)
            done.append(plan)
        }
        if !done.isEmpty { _ = try compact(workspace) }
        return done
    }
}
