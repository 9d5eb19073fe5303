import GRDB
import Ledger
import Workflow

private typealias T = ToolMessages

/// `--staff NAME` on the commands that record who did something: the name must be a staff account of
/// the workspace (not revoked), so the history never credits a typo or a stranger.
public enum StaffNames {
    /// `name` as the account spells it; empty stays empty (no one named).
    public static func require(_ name: String, db: Database) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return "" }
        let active = try StaffAccounts.list(db: db).filter { $0.revoked == nil }.map(\.member.name)
        guard active.contains(trimmed) else {
            throw WorkflowError.usage(T.notStaff(["name": trimmed]),
                                      hint: Suggestions.message(for: trimmed, among: active)
                                        ?? (active.isEmpty ? T.addStaff() : T.knownStaff(["names": active.joined(separator: ", ")])))
        }
        return trimmed
    }
}
