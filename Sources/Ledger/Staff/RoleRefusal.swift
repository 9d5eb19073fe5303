import Workflow

/// A refusal because the account acting lacks the role the act needs (a staff account correcting
/// a placement). The server answers it 403, the command line exits 65; the reason says who may.
public struct RoleRefusal: Refusal {
    /// The role the act needs.
    public var needed: StaffRole
    public var reason: Message
    public var field: String? { nil }

    public init(needed: StaffRole, reason: Message) {
        self.needed = needed
        self.reason = reason
    }
}
