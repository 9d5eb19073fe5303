import Foundation
import Testing

/// The layering of DESIGN.md §2, kept honest: docs/architecture.md's target diagram is the one Package.swift
/// makes, arrows point down only, a plugin uses another only where that page names the reason,
/// and each module's SQL touches only the tables it creates.
@Suite struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Package.swift's targets and their dependencies on other targets of this package.
    struct Target {
        var name: String
        var kind: String
        var path: String?
        var dependencies: [String]
        /// The products of other packages it uses (GRDB, ZIPFoundation…).
        var products: [String] = []
    }

    static func targets() throws -> [Target] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // A scratch folder of its own: the test run holds the package's own .build.
        process.arguments = ["swift", "package", "--package-path", root.path, "--scratch-path",
                             FileManager.default.temporaryDirectory.appendingPathComponent("arch-\(UUID())").path,
                             "dump-package"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let package = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let raw = try #require(package["targets"] as? [[String: Any]])
        let names = Set(raw.compactMap { $0["name"] as? String })
        return raw.map { target in
            let dependencies = (target["dependencies"] as? [[String: Any]] ?? []).compactMap { dependency -> String? in
                guard let value = dependency.values.first as? [Any], let name = value.first as? String else { return nil }
                return names.contains(name) && dependency["product"] == nil ? name : nil
            }
            let products = (target["dependencies"] as? [[String: Any]] ?? []).compactMap { dependency -> String? in
                (dependency["product"] as? [Any])?.first as? String
            }
            return Target(name: target["name"] as? String ?? "", kind: target["type"] as? String ?? "",
                          path: target["path"] as? String, dependencies: dependencies, products: products)
        }
    }

    /// The diagram: non-test targets, each arrow one that no longer path already implies.
    static func diagram(_ targets: [Target]) -> [String] {
        let shown = targets.filter { $0.kind != "test" }
        let deps = Dictionary(uniqueKeysWithValues: shown.map { ($0.name, Set($0.dependencies)) })
        func reachable(from start: String, skipping edge: String) -> Set<String> {
            var seen = Set<String>()
            var stack = Array((deps[start] ?? []).filter { $0 != edge })
            while let next = stack.popLast() {
                if seen.insert(next).inserted { stack += Array(deps[next] ?? []) }
            }
            return seen
        }
        var lines: [String] = []
        for target in shown {
            for dependency in target.dependencies.sorted()
            where !reachable(from: target.name, skipping: dependency).contains(dependency) {
                lines.append("    \(id(target.name)) --> \(id(dependency))")
            }
        }
        return lines.sorted()
    }

    static func id(_ name: String) -> String { name.replacingOccurrences(of: "-", with: "_") }

    /// A marked block of `docs/architecture.md` (the target diagram, the plugin edges with their reasons).
    static func readmeBlock(_ marker: String) throws -> [String] {
        let readme = try String(contentsOf: root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        guard let start = readme.range(of: "<!-- \(marker):begin -->"), let end = readme.range(of: "<!-- \(marker):end -->")
        else { return [] }
        return readme[start.upperBound..<end.lowerBound].split(separator: "\n").map(String.init)
    }

    @Test func theArchitectureDiagramIsTheOnePackageSwiftMakes() throws {
        let expected = Self.diagram(try Self.targets())
        let shown = try Self.readmeBlock("targets").filter { $0.contains("-->") }.sorted()
        #expect(shown == expected, "docs/architecture.md's diagram should read:\n\(expected.joined(separator: "\n"))")
    }

    @Test func arrowsPointDownAndPluginsUseEachOtherOnlyForANamedReason() throws {
        let targets = try Self.targets()
        let byName = Dictionary(uniqueKeysWithValues: targets.map { ($0.name, $0) })
        // No cycle: a depth-first walk never meets a target still on its path.
        var state: [String: Int] = [:]
        func visit(_ name: String, path: [String]) {
            if state[name] == 2 { return }
            #expect(state[name] != 1, "cycle: \((path + [name]).joined(separator: " → "))")
            if state[name] == 1 { return }
            state[name] = 1
            for dependency in byName[name]?.dependencies ?? [] { visit(dependency, path: path + [name]) }
            state[name] = 2
        }
        for target in targets { visit(target.name, path: []) }

        // The layers: nothing below the plugins depends on one; the engine on nothing of the domain.
        let plugins = Set(targets.filter { ($0.path ?? "").hasPrefix("Sources/Plugins/") }.map(\.name))
            .subtracting(["BuiltinPlugins"])
        func dependencies(_ name: String) -> Set<String> { Set(byName[name].map(\.dependencies) ?? []) }
        for low in ["Workflow", "Ledger", "PluginKit", "CampaignServer", "WorkflowTesting"] {
            let uses = dependencies(low)
            #expect(uses.isDisjoint(with: plugins.union(["BuiltinPlugins"])), "\(low) depends on a plugin")
        }
        let engine = dependencies("Workflow")
        #expect(engine.isDisjoint(with: ["Ledger", "PluginKit", "CQRencode", "CXlsxWriter"]))
        #expect(dependencies("WorkflowTesting") == ["Workflow"])
        // The engine's tests build without the C libraries of the domain (libqrencode, libxlsxwriter).
        var closure = Set<String>(), stack = ["WorkflowTests"]
        while let next = stack.popLast() {
            if closure.insert(next).inserted { stack += Array(dependencies(next)) }
        }
        #expect(closure.isDisjoint(with: ["CQRencode", "CXlsxWriter", "Ledger"]), "WorkflowTests reach \(closure.sorted())")

        // Every plugin-to-plugin edge has its row in docs/architecture.md, with the reason.
        let named = try Self.readmeBlock("plugin-edges").filter { $0.hasPrefix("| ") && !$0.contains("---") }
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { $0.count >= 3 && !$0[2].isEmpty }.map { "\($0[0]) → \($0[1])" }
        for plugin in plugins.sorted() {
            for dependency in dependencies(plugin) where plugins.contains(dependency) {
                #expect(named.contains("\(plugin) → \(dependency)"), "\(plugin) uses \(dependency) without a reason in docs/architecture.md")
            }
        }
    }

    /// No plugin stands on a chain of more than three (Livestream → Outcomes → Checkin): a plugin
    /// that reaches far through others is one a newcomer cannot read alone.
    /// The words every layer speaks and the readers of strangers' spreadsheets stand below the engine:
    /// nothing they build on, directly or not, opens a database, so a fuzzer or a tool takes them alone.
    @Test func theWordsAndTheTableReadersNeedNoDatabase() throws {
        let targets = try Self.targets()
        let byName = Dictionary(uniqueKeysWithValues: targets.map { ($0.name, $0) })
        for bottom in ["Messages", "Tables"] {
            var seen = Set<String>()
            var stack = [bottom]
            while let next = stack.popLast() {
                if seen.insert(next).inserted { stack += byName[next]?.dependencies ?? [] }
            }
            let products = Set(seen.flatMap { byName[$0]?.products ?? [] })
            #expect(seen.isDisjoint(with: ["Workflow", "Ledger", "CSQLiteSetup"]), "\(bottom) reaches \(seen.sorted())")
            #expect(products.isDisjoint(with: ["GRDB", "GRDBSQLite"]), "\(bottom) uses \(products.sorted())")
            #expect(byName[bottom] != nil, "no target \(bottom) in Package.swift")
        }
    }

    @Test func noPluginChainIsLongerThanThree() throws {
        let targets = try Self.targets()
        let plugins = Set(targets.filter { ($0.path ?? "").hasPrefix("Sources/Plugins/") }.map(\.name)).subtracting(["BuiltinPlugins"])
        let uses = Dictionary(uniqueKeysWithValues: targets.filter { plugins.contains($0.name) }
            .map { ($0.name, $0.dependencies.filter(plugins.contains)) })
        func longest(from name: String) -> [String] {
            [name] + ((uses[name] ?? []).map(longest(from:)).max { $0.count < $1.count } ?? [])
        }
        let chains = plugins.sorted().map(longest(from:))
        let worst = try #require(chains.max { $0.count < $1.count })
        #expect(worst.count <= 3, "the longest plugin chain: \(worst.joined(separator: " → "))")
        #expect(plugins.count >= 7, "plugins found: \(plugins.sorted())")
    }

    /// What a new plugin touches outside its folder: its line in Package.swift and its line in
    /// `BuiltinPlugins` — nothing else of the product imports a plugin, but a plugin docs/architecture.md names
    /// as using it, and the benchmarks and test fixtures that exercise it.
    @Test func aPluginIsNamedOnlyInItsFolderPackageSwiftAndTheBuiltinList() throws {
        let targets = try Self.targets()
        let plugins = Set(targets.filter { ($0.path ?? "").hasPrefix("Sources/Plugins/") }.map(\.name)).subtracting(["BuiltinPlugins"])
        let edges = Set(try Self.readmeBlock("plugin-edges").filter { $0.hasPrefix("| ") && !$0.contains("---") }
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { $0.count >= 2 }.map { "\($0[0]) → \($0[1])" })
        let allowedFolders = ["Sources/Plugins/BuiltinPlugins", "Sources/campaign-bench", "Sources/CampaignTesting"]
        var outside: [String] = []
        let files = FileManager.default.enumerator(at: Self.root.appendingPathComponent("Sources"), includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let relative = String(file.path.dropFirst(Self.root.path.count + 1))
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: #/(?m)^import (\w+)$/#) where plugins.contains(String(match.1)) {
                let plugin = String(match.1)
                let owner = plugins.first { relative.hasPrefix("Sources/Plugins/\($0)/") }
                if owner == plugin || allowedFolders.contains(where: { relative.hasPrefix($0 + "/") }) { continue }
                if let owner, edges.contains("\(owner) → \(plugin)") { continue }
                outside.append("\(relative) imports \(plugin)")
            }
        }
        #expect(outside.isEmpty, "\(outside)")
        // Package.swift names each plugin once as a target and once in BuiltinPlugins' dependencies.
        let package = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let builtin = try String(contentsOf: Self.root.appendingPathComponent("Sources/Plugins/BuiltinPlugins/BuiltinPlugins.swift"),
                                 encoding: .utf8)
        for plugin in plugins.sorted() {
            #expect(package.contains("plugin(\"\(plugin)\""), "\(plugin) is not declared with plugin(…) in Package.swift")
            #expect(builtin.contains("import \(plugin)\n"), "\(plugin) is not in the built-in list")
        }
    }

    /// The database is passed as GRDB passes it — first, unlabelled: `Scans.scan(db, request, now:)`,
    /// as `Row.fetchAll(db, sql:)` — never `db:` last or `in db:`.
    @Test func theDatabaseIsTheFirstUnlabelledParameter() throws {
        let labelled = try Regex(#"[(,]\s*(in\s+)?db:\s*Database\b"#)
        var found: [String] = []
        let files = FileManager.default.enumerator(at: Self.root.appendingPathComponent("Sources"), includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: labelled) {
                let line = text[..<match.range.lowerBound].filter { $0 == "\n" }.count + 1
                found.append("\(file.lastPathComponent):\(line)")
            }
        }
        #expect(found.isEmpty, "a Database parameter that is not first and unlabelled: \(found)")
    }

    /// The server knows no plugin's page: its Swift holds no HTML or script (its own pages are files in
    /// `Web/`), its part of the API description only its own routes (the run page's), and every file of
    /// a plugin's `Web/` folder is compiled in (named in its `plugin(…, web:)`).
    @Test func theServerHoldsNoPluginsPageOrAPIDescription() throws {
        let server = Self.root.appendingPathComponent("Sources/CampaignServer")
        for name in try FileManager.default.contentsOfDirectory(atPath: server.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: server.appendingPathComponent(name), encoding: .utf8)
            for marker in ["<!doctype", "<section", "<script", "\"paths\": {"] {
                #expect(!text.lowercased().contains(marker), "\(name) holds \(marker): the server's pages and API are files in Web/")
            }
        }
        let own = try JSONSerialization.jsonObject(with: Data(contentsOf: server.appendingPathComponent("Web/openapi.json")))
        let paths = ((own as? [String: Any])?["paths"] as? [String: Any] ?? [:]).keys
        let plugins = paths.filter { $0.hasPrefix("/api/") && !$0.hasPrefix("/api/runs") }
        #expect(plugins.isEmpty, "the server describes plugins' routes: \(plugins.sorted())")
        #expect(paths.contains("/api/runs"))

        let package = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let folder = Self.root.appendingPathComponent("Sources/Plugins")
        for plugin in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let web = folder.appendingPathComponent(plugin).appendingPathComponent("Web")
            let files = (try? FileManager.default.contentsOfDirectory(atPath: web.path)) ?? []
            let line = package.split(separator: "\n").first { $0.contains("plugin(\"\(plugin)\"") }.map(String.init) ?? ""
            for file in files {
                #expect(line.contains("\"\(file)\""), "\(plugin)/Web/\(file) is not named in plugin(\"\(plugin)\", web: …)")
            }
        }
    }

    /// A plugin's pages and reports are templates beside it (`Templates/*.html.mustache`, escaped by
    /// default), never HTML put together in Swift strings with escaping left to each call.
    @Test func pluginsWriteHTMLFromTemplatesOnly() throws {
        var concatenated: [String] = []
        let files = FileManager.default.enumerator(at: Self.root.appendingPathComponent("Sources/Plugins"), includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            if text.range(of: "<!doctype", options: .caseInsensitive) != nil || text.contains("<html") || text.contains("HTMLText.escape") {
                concatenated.append(file.lastPathComponent)
            }
        }
        #expect(concatenated.isEmpty, "HTML built in Swift: \(concatenated)")
    }

    /// No function of the product is longer than a screen and a bit: a long one is split by concern, so
    /// a newcomer reads its outline (benchmarks and test helpers are not product code).
    @Test func noProductFunctionIsLongerThanSixtyFiveLines() throws {
        let skipped = ["Sources/campaign-bench", "Sources/CampaignTesting", "Sources/WorkflowTesting", "Sources/CampaignFuzzing",
                       "Sources/campaign-fuzz"]
        var long: [String] = []
        let files = FileManager.default.enumerator(at: Self.root.appendingPathComponent("Sources"), includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            let relative = String(file.path.dropFirst(Self.root.path.count + 1))
            guard file.pathExtension == "swift", !skipped.contains(where: { relative.hasPrefix($0 + "/") }) else { continue }
            for (line, length, name) in Self.functionLengths(try String(contentsOf: file, encoding: .utf8)) where length > 65 {
                long.append("\(relative):\(line) \(name) — \(length) lines")
            }
        }
        #expect(long.isEmpty, "\(long)")
        #expect(Self.functionLengths("func a() {\n  if x {\n    y()\n  }\n}\n").map(\.length) == [5], "the measure itself")
    }

    /// Each function's (or initializer's) first line, its length in lines and its name: from its
    /// declaration to the brace that closes it, braces in strings and comments not counted.
    static func functionLengths(_ text: String) -> [(line: Int, length: Int, name: String)] {
        let lines = text.components(separatedBy: "\n")
        let declaration = #/^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|static|override|mutating|nonisolated|final|class|package)\s+)*(func\s+[^\s(<]+|init[?!]?\s*[(<])/#
        var found: [(line: Int, length: Int, name: String)] = []
        var inText = false
        var code: [String] = []
        for line in lines {
            // Code outside multi-line strings and comments, string literals emptied.
            var visible = ""
            for (i, part) in line.components(separatedBy: "\"\"\"").enumerated() {
                if i > 0 { inText.toggle() }
                if !inText { visible += part }
            }
            visible = visible.replacing(#/"(?:\\.|[^"\\])*"/#, with: "\"\"")
            code.append(visible.components(separatedBy: "//")[0])
        }
        for (start, line) in lines.enumerated() {
            guard let match = line.firstMatch(of: declaration), !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") else { continue }
            var depth = 0, opened = false, end = start
            while end < code.count {
                for character in code[end] {
                    if character == "{" { depth += 1; opened = true } else if character == "}" { depth -= 1 }
                }
                if opened && depth <= 0 { break }
                if !opened && end > start + 6 { break }
                end += 1
            }
            if opened && end < code.count { found.append((start + 1, end - start + 1, String(match.1))) }
        }
        return found
    }

    /// A module imports only the targets it declares: an import that builds only because another
    /// target happened to be built first breaks a clean build (and hides a dependency).
    @Test func everyImportedTargetIsADeclaredDependency() throws {
        let targets = try Self.targets()
        let names = Set(targets.map(\.name))
        for target in targets {
            let folder = target.path ?? (target.kind == "test" ? "Tests/" : "Sources/") + target.name
            let files = FileManager.default.enumerator(at: Self.root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let file = files?.nextObject() as? URL {
                guard file.pathExtension == "swift" else { continue }
                let text = try String(contentsOf: file, encoding: .utf8)
                for match in text.matches(of: #/(?m)^(?:@testable )?import (\w+)/#) {
                    let module = String(match.1)
                    guard names.contains(module), module != target.name else { continue }
                    #expect(target.dependencies.contains(module),
                            "\(file.lastPathComponent) imports \(module), which \(target.name) does not declare")
                }
            }
        }
    }

    /// Tables each module creates, and those its SQL reads or writes, from its Swift sources.
    static func tables(in folder: String) throws -> (created: Set<String>, used: Set<String>) {
        var created = Set<String>(), used = Set<String>()
        let files = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            // Tables and indexes: INDEXED BY must name an index of the module's own.
            for match in text.matches(of: #/CREATE (?:UNIQUE )?(?:TABLE|INDEX) (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)/#) {
                created.insert(String(match.1))
            }
            for match in text.matches(of: #/\b(?:FROM|JOIN|INTO|UPDATE|INDEXED BY|TABLE)\s+([a-z_][a-z0-9_]*)/#) {
                used.insert(String(match.1))
            }
            for match in text.matches(of: #/INDEX (?:IF NOT EXISTS )?[a-z_]+ ON ([a-z_][a-z0-9_]*)/#) { used.insert(String(match.1)) }
            // Tables named in strings outside SQL: the backup's counted tables, a check for a table.
            for match in text.matches(of: #/countedTables: \[([^\]]*)\]/#) {
                for name in match.1.matches(of: #/"([a-z_][a-z0-9_]*)"/#) { used.insert(String(name.1)) }
            }
            for match in text.matches(of: #/tableExists\("([a-z_][a-z0-9_]*)"\)/#) { used.insert(String(match.1)) }
        }
        return (created, used)
    }

    /// Targets whose SQL may reach any table, each for its reason; every other target of Package.swift
    /// (a plugin added tomorrow included) is checked.
    static let sqlAnywhere: [String: String] = [
        "CampaignTesting": "generates ledgers and worlds straight in SQL, as a county's years would leave them",
        "CampaignFuzzing": "looks into the ledger after each fuzzed request to check what a staff token changed",
        "campaign-bench": "builds million-row workspaces in SQL and times hand-written SQL beside the tally",
    ]

    @Test func eachModulesSQLTouchesOnlyItsOwnTables() throws {
        // SQLite's own tables, and PostgreSQL's unnest (the province's store reads arrays as rows).
        let sqlite: Set<String> = ["sqlite_master", "grdb_migrations", "unnest"]
        var owners: [String: String] = [:]
        let modules = try Self.targets().filter { $0.kind != "test" && Self.sqlAnywhere[$0.name] == nil }
            .map { $0.path ?? "Sources/\($0.name)" }
        #expect(modules.count >= 14 && modules.contains("Sources/Plugins/Livestream"), "\(modules)")
        var tables: [String: (created: Set<String>, used: Set<String>)] = [:]
        for module in modules {
            tables[module] = try Self.tables(in: module)
            for table in tables[module]!.created {
                #expect(owners[table] == nil, "\(table) is created by both \(owners[table] ?? "") and \(module)")
                owners[table] = module
            }
        }
        #expect(owners["person"] == "Sources/Ledger" && owners["scan"] == "Sources/Plugins/Checkin")
        for module in modules {
            let own = tables[module] ?? (created: [], used: [])
            let foreign = own.used.subtracting(own.created).subtracting(sqlite)
            #expect(foreign.isEmpty, "\(module) writes SQL on tables it does not own: \(foreign.sorted())")
        }
    }
}
