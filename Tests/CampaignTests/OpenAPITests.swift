import BuiltinPlugins
import CampaignServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Ledger
import PluginKit
import Testing
import Workflow
import WorkflowTesting

/// The OpenAPI document served at `/openapi.json` is honest: every route the server answers (the
/// built-in plugins' included) is in it with its method, and nothing in it is missing from the server.
@Suite struct OpenAPITests {
    @Test func everyRouteIsDescribedAndEveryDescriptionIsARoute() throws {
        let dir = try TemporaryDirectory()
        let workspace = try Workspace(path: dir.databasePath, registry: BuiltinPlugins.registry)
        let engine = Engine(registry: BuiltinPlugins.registry, workspace: workspace)
        let server = StaffServer(environment: ServerEnvironment(workspace: workspace, campaign: "fair", checkpoint: "gate",
                                                                clock: SystemClock(), plugins: BuiltinPlugins.all),
                                 engine: engine)
        let served = Set(server.router().routes.map { route in
            // Hummingbird writes a path parameter `:campaign`; OpenAPI writes `{campaign}`.
            let path = "/" + route.path.description.split(separator: "/").map { part in
                part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
            }.joined(separator: "/")
            return "\(route.method.rawValue) \(path)"
        })
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json(plugins: BuiltinPlugins.all).utf8)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let described = Set(paths.flatMap { path, methods in methods.keys.map { "\($0.uppercased()) \(path)" } })
        #expect(served.subtracting(described).isEmpty, "served but not described: \(served.subtracting(described).sorted())")
        #expect(described.subtracting(served).isEmpty, "described but not served: \(described.subtracting(served).sorted())")
        #expect(served.count >= 20, "\(served.sorted())")
        // Every POST says what its body holds.
        for (path, methods) in paths {
            guard let post = methods["post"] as? [String: Any] else { continue }
            #expect(post["requestBody"] != nil, "POST \(path) has no request body described")
        }
    }

    /// The roles the document states are the roles the code enforces (#33): every described route is
    /// called without a token (401), and with a staff, a manager and an organizer token — refused (403)
    /// below its `x-role`, let through (any answer but 401 or 403) at it and above.
    @Test func theRolesTheDocumentStatesAreTheRolesTheServerEnforces() async throws {
        let dir = try TemporaryDirectory()
        let workspace = try Workspace(path: dir.databasePath, registry: BuiltinPlugins.registry)
        let engine = Engine(registry: BuiltinPlugins.registry, workspace: workspace)
        let now = Date()
        let tokens = try await workspace.pool.write { db in
            try [StaffRole.staff, .manager, .organizer].map { role in (role, try StaffAccounts.add(db, name: role.rawValue, role: role, now: now)) }
        }
        let server = StaffServer(environment: ServerEnvironment(workspace: workspace, campaign: "fair", checkpoint: "gate",
                                                                clock: SystemClock(), plugins: BuiltinPlugins.all),
                                 engine: engine)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json(plugins: BuiltinPlugins.all).utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var checks: [(method: String, path: String, role: StaffRole?)] = []
        for (path, methods) in paths where path.hasPrefix("/api/") {
            for (method, operation) in methods {
                guard let operation = operation as? [String: Any], operation["security"] != nil else { continue }
                checks.append((method.uppercased(), path.replacingOccurrences(of: "{campaign}", with: "fair"),
                               (operation["x-role"] as? String).flatMap(StaffRole.init(rawValue:)) ?? .staff))
            }
        }
        #expect(checks.count >= 15)
        let routes = checks
        let order: [StaffRole] = [.staff, .manager, .organizer]
        let failures = try await Application(router: server.router()).test(.router) { client -> [String] in
            var failures: [String] = []
            for check in routes {
                let method = HTTPRequest.Method(rawValue: check.method)!
                let body = check.method == "POST" ? ByteBuffer(string: "{}") : nil
                let anonymous = try await client.execute(uri: check.path, method: method, body: body) { $0.status.code }
                if anonymous != 401 { failures.append("\(check.method) \(check.path) without a token: \(anonymous)") }
                for (role, token) in tokens {
                    let status = try await client.execute(uri: check.path, method: method,
                                                          headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                                          body: body) { $0.status.code }
                    let allowed = order.firstIndex(of: role)! >= order.firstIndex(of: check.role!)!
                    if allowed && [401, 403].contains(status) || !allowed && status != 403 {
                        failures.append("\(check.method) \(check.path) as \(role.rawValue) (x-role \(check.role!.rawValue)): \(status)")
                    }
                }
            }
            return failures
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
