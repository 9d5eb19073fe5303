import Workflow

/// The shared ledger as the engine sees it: no steps, only the tables every plugin builds on —
/// people, enterprises, postings, registrations, badge keys and staff accounts — and their migrations.
public enum LedgerPlugin {
    public static let plugin = Plugin(
        name: "ledger",
        summary: "The shared ledger: people, enterprises, postings, registrations, badge codes, staff accounts.",
        actions: [],
        migrations: LedgerSchema.migrations + StaffAccounts.migrations + AuditLog.migrations + ShredRecords.migrations
            + PersonalFiles.migrations,
        countedTables: ["person", "registration", "enterprise", "posting"]
    )

    /// The ledger's part of the message catalogue: identifiers, look-ups, walk-ins and imports.
    public static let messages = IdentityMessages.all + GroupWords.all + LookupMessages.all + WalkInMessages.all + ImportMessages.all
        + LedgerMessages.all + WorkbookPartWords.all + ImportKindWords.all
        + ImportReportMessages.all + ImportFileMessages.all
}
