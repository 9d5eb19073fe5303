import Hummingbird
import Plugins
import Workflow

/// The request context: Hummingbird's core storage plus the signed-in staff member.
public struct ServerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var staff: StaffMember?

    public init(source: Source) {
        coreContext = .init(source: source)
        staff = nil
    }
}

/// Every API request needs `Authorization: Bearer TOKEN` of an active staff account;
/// `requiredRole: .manager` also keeps staff out of the ledger and the reports.
struct StaffAuthentication: RouterMiddleware {
    typealias Context = ServerContext
    let workspace: Workspace
    let requiredRole: StaffRole

    func handle(_ request: Request, context: ServerContext,
                next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw HTTPError(.unauthorized, message: "sign in with your staff token (campaign staff add NAME)")
        }
        let token = String(header.dropFirst("Bearer ".count))
        guard let staff = try await workspace.pool.read({ db in try StaffAccounts.authenticate(token: token, db: db) }) else {
            throw HTTPError(.unauthorized, message: "this token is unknown or was revoked; ask a manager for a new one")
        }
        if requiredRole == .manager && staff.role != .manager {
            throw HTTPError(.forbidden, message: "only managers can see this")
        }
        var context = context
        context.staff = staff
        return try await next(request, context)
    }
}
