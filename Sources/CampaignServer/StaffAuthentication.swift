import Foundation
import Hummingbird
import Ledger
import PluginKit
import Workflow

/// Every API request needs `Authorization: Bearer TOKEN` of an active staff account; the staff
/// member is put in the context, where a plugin's route checks the role it needs
/// (`context.requireStaff(.manager)`). An address that sent too many wrong tokens waits (429).
struct StaffAuthentication: RouterMiddleware {
    typealias Context = CampaignRequestContext
    let workspace: Workspace
    let cache: TokenCache
    let throttle: SignInThrottle

    func handle(_ request: Request, context: CampaignRequestContext,
                next: (Request, CampaignRequestContext) async throws -> Response) async throws -> Response {
        let language = request.language
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw HTTPError(.unauthorized, message: ServerMessages.signIn.template(language))
        }
        let token = String(header.dropFirst("Bearer ".count))
        var staff = cache.lookup(token)
        let address = context.remoteAddress?.ipAddress ?? "unknown"
        if staff == nil {
            // A token this server has accepted before is re-checked (it may have been revoked)
            // even while its address waits: staff behind the same Wi-Fi router keep working.
            if !cache.wasAccepted(token), let wait = throttle.wait(for: address) {
                let seconds = max(Int(wait.components.seconds) + 1, 1)
                context.logger.warning("sign-in throttled for \(address): too many wrong tokens")
                throw CodedHTTPError(status: .tooManyRequests, code: "sign_in_throttled",
                                     message: ServerMessages.throttled(["seconds": "\(seconds)"]).text(language),
                                     retryAfter: seconds)
            }
            let firstSignIn = !cache.wasAccepted(token)
            staff = try await workspace.pool.read { db in try StaffAccounts.authenticate(db, token: token) }
            if let staff {
                cache.store(token, staff)
                // A token's first use on this server is its sign-in, kept in the audit log (later
                // requests within this server's life are that session; a revoked token is refused).
                if firstSignIn, !workspace.isReadOnly {
                    let now = Date()
                    try await workspace.pool.write { db in
                        try AuditLog.record(db, actor: staff.name, action: "sign-in", campaign: "",
                                            detail: "\(staff.role.rawValue) from \(address)", at: now)
                    }
                }
            }
        }
        guard let staff else {
            throttle.failed(address)
            throw HTTPError(.unauthorized, message: ServerMessages.unknownToken.template(language))
        }
        var context = context
        context.staff = staff
        context.language = language
        return try await next(request, context)
    }
}

/// Recently verified tokens, so a busy gate does not read the staff table on every scan. An entry
/// lives two seconds: a revoked token stops working within that time. Tokens ever accepted are
/// remembered (bounded) so that the sign-in throttle does not lock out staff already signed in.
final class TokenCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (staff: StaffMember, until: ContinuousClock.Instant)] = [:]
    private var accepted: Set<String> = []
    static let lifetime = Duration.seconds(2)
    /// The file `StaffAccounts.revoke` touches; when its time changes the cache forgets every token,
    /// so a revocation takes effect at the next request, not two seconds later.
    private let marker: String?
    private var markerTime: (seconds: Int, nanoseconds: Int)?

    init(marker: URL? = nil) {
        self.marker = marker?.path
        markerTime = marker.flatMap { Self.modified($0.path) }
    }

    /// The marker's modification time by one `stat` (a check-in's worth of time is microseconds).
    static func modified(_ path: String) -> (seconds: Int, nanoseconds: Int)? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return (Int(status.st_mtim.tv_sec), Int(status.st_mtim.tv_nsec))
    }

    /// Forgets every cached token when the staff accounts changed since it last looked.
    private func forgetIfChanged() {
        guard let marker else { return }
        let now = Self.modified(marker)
        if now?.seconds != markerTime?.seconds || now?.nanoseconds != markerTime?.nanoseconds {
            markerTime = now
            entries.removeAll()
        }
    }

    func wasAccepted(_ token: String) -> Bool {
        lock.withLock { accepted.contains(token) }
    }

    func lookup(_ token: String) -> StaffMember? {
        lock.withLock {
            forgetIfChanged()
            guard let entry = entries[token], entry.until > .now else { return nil }
            return entry.staff
        }
    }

    func store(_ token: String, _ staff: StaffMember) {
        lock.withLock {
            if entries.count > 1000 { entries.removeAll() }
            entries[token] = (staff, .now + Self.lifetime)
            if accepted.count < 10_000 { accepted.insert(token) }
        }
    }
}
