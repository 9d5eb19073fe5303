import GRDB
import Ledger
import Workflow

/// `--staff NAME` on the commands that record who did something: the name must be a staff account of
/// the workspace (not revoked), so the history never credits a typo or a stranger.
public enum StaffNames {
    /// `name` as the account spells it; empty stays empty (no one named).
    public static func require(_ db: Database, _ name: String) throws -> String {
        try member(db, name)?.name ?? ""
    }

    /// The account `name` names, with its role (what it may do); nil when no one is named.
    public static func member(_ db: Database, _ name: String) throws -> StaffMember? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let members = try StaffAccounts.list(db).filter { $0.revoked == nil }.map(\.member)
        let active = members.map(\.name)
        guard let member = members.first(where: { $0.name == trimmed }) else {
            throw WorkflowError.usage(ToolMessages.notStaff(["name": trimmed]),
                                      hint: Suggestions.message(for: trimmed, among: active)
                                        ?? (active.isEmpty ? ToolMessages.addStaff() : ToolMessages.knownStaff(["names": active.joined(separator: ", ")])))
        }
        return member
    }
}
