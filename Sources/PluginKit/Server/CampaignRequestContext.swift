import Hummingbird
import Ledger

/// A request to `campaign serve`: Hummingbird's core storage plus the staff member its token
/// signed in (set by the server's sign-in middleware before any plugin route runs).
public struct CampaignRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var staff: StaffMember?

    public init(source: Source) {
        coreContext = .init(source: source)
        staff = nil
    }

    /// The signed-in staff member, who must hold `role` (a manager may do everything staff may).
    public func requireStaff(_ role: StaffRole = .staff) throws -> StaffMember {
        guard let staff else {
            throw HTTPError(.unauthorized, message: "sign in with your staff token (campaign staff add NAME)")
        }
        if role == .manager && staff.role != .manager { throw HTTPError(.forbidden, message: "only managers can see this") }
        return staff
    }
}
