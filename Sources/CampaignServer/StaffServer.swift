import Foundation
import Hummingbird
import HummingbirdCore
import Logging
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
    let tokens = TokenCache()
    let signIns: SignInThrottle
    let connections: ConnectionRegistry

    public init(environment: ServerEnvironment, limits: ServerLimits = ServerLimits(), engine: Engine? = nil) {
        self.environment = environment
        self.limits = limits
        self.engine = engine
        signIns = SignInThrottle(failures: limits.signInFailures, window: limits.signInWindow)
        connections = ConnectionRegistry(perAddress: limits.connectionsPerAddress)
    }

    public func router() -> Router<CampaignRequestContext> {
        let router = Router(context: CampaignRequestContext.self)
        router.add(middleware: DomainErrorMiddleware())
        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: CheckinPage.html)))
        }
        router.get("/health") { _, _ in "ok" }
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
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
    public func run(host: String, port: Int, logger: Logger, daemon: Daemon? = nil) async throws {
        let ceiling = ServerLimits.connectionCeiling()
        let (connections, headerTimeout) = (self.connections, limits.headerTimeout)
        let http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [ConnectionGuard(registry: connections, headerTimeout: headerTimeout)],
            idleTimeout: .seconds(120))
        let app = Application(router: router(), server: .http1(configuration: http1),
                              configuration: .init(address: .hostname(host, port: port), serverName: "campaign",
                                                   availableConnectionsDelegate: .maximum(ceiling, logger: logger)),
                              logger: logger)
        let workspace = environment.workspace
        try await BackgroundCheckpointer.disableAutomaticCheckpoints(workspace)
        let checkpointer = try BackgroundCheckpointer(workspace: workspace)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask { await checkpointer.run() }
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
