import GRDB
import Ledger
import Workflow

/// `--staff NAME` on the commands that record who did something: the name must be a staff account of
/// the workspace (not revoked), so the history never credits a typo or a stranger.
public enum StaffNames {
    /// `name` as the account spells it; empty stays empty (no one named).
    public static func require(_ name: String, db: Database) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return "" }
        let active = try StaffAccounts.list(db: db).filter { $0.revoked == nil }.map(\.member.name)
        guard active.contains(trimmed) else {
            throw WorkflowError.usage("--staff: '\(trimmed)' is not a staff account of this workspace / 不是本工作区的工作人员",
                                      hint: Suggestions.hint(for: trimmed, among: active, noun: "staff")
                                        ?? (active.isEmpty ? "add one with campaign staff add NAME"
                                            : "staff: " + active.joined(separator: ", ") + " (campaign staff list)"))
        }
        return trimmed
    }
}
