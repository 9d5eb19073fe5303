import Hummingbird
import Workflow
import Ledger
import NIOCore

/// A request to `campaign serve`: Hummingbird's core storage plus the staff member its token
/// signed in (set by the server's sign-in middleware before any plugin route runs).
public struct CampaignRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var staff: StaffMember?
    /// The language to answer in, from the request (set when the staff member is signed in).
    public var language: Language = .zh
    /// Where the request came from: the sign-in throttle counts wrong tokens per address.
    public let remoteAddress: SocketAddress?

    public init(source: Source) {
        coreContext = .init(source: source)
        staff = nil
        remoteAddress = source.channel.remoteAddress
    }

    /// Check-ins, walk-ins and outcomes are a few hundred bytes; anything past 64 KiB is refused
    /// (413) before it is read into memory. Hummingbird's default is 2 MiB.
    public var maxUploadSize: Int { 64 * 1024 }

    /// The signed-in staff member, who must hold `role` (a manager may do everything staff may, an
    /// organizer everything a manager may).
    public func requireStaff(_ role: StaffRole = .staff) throws -> StaffMember {
        guard let staff else {
            throw HTTPError(.unauthorized, message: ServerMessages.signIn.template(language))
        }
        guard staff.role.includes(role) else {
            throw HTTPError(.forbidden, message: (role == .organizer ? ServerMessages.organizersOnly : ServerMessages.managersOnly)
                .template(language))
        }
        return staff
    }
}
