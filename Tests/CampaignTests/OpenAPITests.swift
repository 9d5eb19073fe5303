import BuiltinPlugins
import CampaignServer
import Foundation
import Hummingbird
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
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
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
}
