import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Ledger
import Logging
import NIOSSL
import PluginKit
import Workflow

/// `campaign serve`: the check-in page for staff phones and laptops, and under `/api` the routes
/// every plugin brings, behind staff sign-in. Errors become HTTP answers in one place
/// (`DomainErrorMiddleware`); the server itself knows no plugin.
public struct StaffServer: Sendable {
    public let environment: ServerEnvironment
    public let limits: ServerLimits
    /// Drives runs for the run page (signals); nil serves no run page.
    public let engine: Engine?
    let tokens: TokenCache
    let signIns: SignInThrottle
    let connections: ConnectionRegistry
    /// `serve --tls`: the local certificate authority whose certificate the server presents.
    public let authority: LocalCertificateAuthority?

    public init(environment: ServerEnvironment, limits: ServerLimits = ServerLimits(), engine: Engine? = nil,
                authority: LocalCertificateAuthority? = nil) {
        self.environment = environment
        self.limits = limits
        self.engine = engine
        self.authority = authority
        tokens = TokenCache(marker: StaffAccounts.changeMarker(workspace: environment.workspace.path))
        signIns = SignInThrottle(failures: limits.signInFailures, window: limits.signInWindow)
        connections = ConnectionRegistry(perAddress: limits.connectionsPerAddress)
    }

    public func router() -> Router<CampaignRequestContext> {
        let router = Router(context: CampaignRequestContext.self)
        router.add(middleware: DomainErrorMiddleware())
        let page = StaffPage.html(plugins: environment.plugins)
        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: page)))
        }
        router.get("/health") { _, _ in "ok" }
        // The certificate authority a phone trusts once for `serve --tls`, and the page that says how.
        router.get("/ca.pem") { [authority] request, _ in
            guard let authority else { throw HTTPError(.notFound, message: ServerMessages.noTLS.template(request.language)) }
            return Self.caResponse(authority)
        }
        router.get("/trust") { request, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: TrustPage.html(secureAddress: "/"))))
        }
        let openAPI = OpenAPIDocument.json(plugins: environment.plugins)
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: openAPI)))
        }
        if engine != nil {
            router.get("/runs") { _, _ in
                Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                         body: .init(byteBuffer: ByteBuffer(string: RunPage.html)))
            }
        }
        let api = router.group("api").add(middleware: StaffAuthentication(workspace: environment.workspace, cache: tokens,
                                                                          throttle: signIns))
        for plugin in environment.plugins {
            if let routes = plugin.routes { api.addRoutes(routes(environment)) }
        }
        if let engine { api.addRoutes(RunRoutes.routes(engine: engine)) }
        return router
    }

    /// Serves until the process is stopped (Ctrl-C), with the workspace's daemon alongside when given
    /// (the campaigns run on time while the page is served).
    /// With an `authority`, the page and the API are served over TLS on `port`, and `plainPort` answers
    /// plain http: the CA certificate, the trust page, and a redirect to https for everything else.
    public func run(host: String, port: Int, plainPort: Int? = nil, logger: Logger, daemon: Daemon? = nil) async throws {
        let ceiling = ServerLimits.connectionCeiling()
        let (connections, limits) = (self.connections, self.limits)
        let http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [ConnectionGuard(registry: connections, limits: limits)],
            idleTimeout: .seconds(120))
        let server: HTTPServerBuilder
        if let authority {
            let chain = try NIOSSLCertificate.fromPEMBytes(Array(authority.certificatePEM.utf8)).map { NIOSSLCertificateSource.certificate($0) }
            let key = try NIOSSLPrivateKey(bytes: Array(authority.keyPEM.utf8), format: .pem)
            server = try .tls(.http1(configuration: http1),
                              tlsConfiguration: .makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key)))
        } else {
            server = .http1(configuration: http1)
        }
        let app = Application(router: router(), server: server,
                              configuration: .init(address: .hostname(host, port: port), serverName: "campaign",
                                                   availableConnectionsDelegate: .maximum(ceiling, logger: logger)),
                              logger: logger)
        let plain = authority.flatMap { authority in plainPort.map { Self.plainServer(authority, host: host, port: $0,
                                                                                       securePort: port, logger: logger) } }
        let workspace = environment.workspace
        try await BackgroundCheckpointer.disableAutomaticCheckpoints(workspace)
        let checkpointer = try BackgroundCheckpointer(workspace: workspace)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            if let plain { group.addTask { try await plain.runService() } }
            group.addTask { await checkpointer.run() }
            group.addTask { await MemoryReturner(connections: connections).run() }
            if let daemon {
                group.addTask {
                    do {
                        try await daemon.run()
                    } catch {
                        logger.error("the daemon inside serve stopped: \(error)")
                    }
                    try await Task.sleep(for: .seconds(365 * 86400))  // the server goes on without it
                }
            }
            // The server ends (Ctrl-C): stop checkpointing too.
            try await group.next()
            group.cancelAll()
        }
    }
}

extension StaffServer {
    static func caResponse(_ authority: LocalCertificateAuthority) -> Response {
        Response(status: .ok, headers: [.contentType: "application/x-x509-ca-cert",
                                        .contentDisposition: "attachment; filename=\"campaign-ca.pem\""],
                 body: .init(byteBuffer: ByteBuffer(string: authority.caPEM)))
    }

    /// Plain http beside `serve --tls`: what a phone needs before it trusts the CA (the certificate and
    /// the trust page), and a permanent redirect to the https address for everything else — no check-in
    /// travels unencrypted.
    static func plainServer(_ authority: LocalCertificateAuthority, host: String, port: Int, securePort: Int,
                            logger: Logger) -> Application<CallbackResponder<BasicRequestContext>> {
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            let path = request.uri.path
            let name = (request.head.authority ?? "localhost").split(separator: ":").first
                .map(String.init) ?? "localhost"
            let secure = "https://\(name):\(securePort)"
            switch path {
            case "/ca.pem": return caResponse(authority)
            case "/trust":
                return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: TrustPage.html(secureAddress: secure + "/"))))
            default:
                return Response(status: .permanentRedirect, headers: [.location: secure + request.uri.description])
            }
        }
        return Application(responder: responder, server: .http1(),
                           configuration: .init(address: .hostname(host, port: port), serverName: "campaign"),
                           logger: logger)
    }
}
