// swift-tools-version: 6.0
import PackageDescription

/// A plugin: a target of its own under Sources/Plugins, built on the engine, the shared ledger and
/// the plugin kit (commands with ArgumentParser, routes with Hummingbird, tally sections). `templates`
/// names its pages and reports kept as `Templates/NAME.html.mustache`: each is compiled into the
/// plugin (`PackageResources.NAME_html_mustache`), so the binary carries them and looks up nothing at
/// run time (ArchitectureTests checks that every template file is named here). `web` names the files
/// of its web surface kept in `Web/` — its panel of the staff page (HTML, JS) and the OpenAPI
/// description of its routes — compiled in the same way (`PackageResources.openapi_json`).
func plugin(_ name: String, dependencies: [Target.Dependency] = [], templates: [String] = [],
            web: [String] = []) -> Target {
    .target(name: name,
            dependencies: ["Workflow", "Ledger", "PluginKit", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "ArgumentParser", package: "swift-argument-parser"),
                           .product(name: "Hummingbird", package: "hummingbird")] + dependencies,
            path: "Sources/Plugins/\(name)",
            resources: templates.map { .embedInCode("Templates/\($0).html.mustache") } + web.map { .embedInCode("Web/\($0)") })
}

let package = Package(
    name: "campaign",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "campaign", targets: ["campaign"]),
        .library(name: "Workflow", targets: ["Workflow"]),
        .library(name: "BuiltinPlugins", targets: ["BuiltinPlugins"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // serve --tls: a local certificate authority (X.509) and TLS (already under Hummingbird's tests).
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.0"),
        // Already under Hummingbird; named for the connection guard of `serve` (a channel handler).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // A binary heap for the interview planner's shortest paths (already under swift-nio).
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        // HTML reports and pages from templates kept as files beside their plugin, escaped by default.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The province view: counties publish their tallies' facts to a provincial PostgreSQL (Debian's
        // postgresql-15), which adds them up. PostgresNIO speaks its wire protocol, COPY included.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // Process-wide SQLite settings that need C (sqlite3_config is variadic).
        .target(name: "CSQLiteSetup", dependencies: [.product(name: "GRDBSQLite", package: "GRDB.swift")]),
        // The words and errors every layer speaks: languages, the message catalogue, the one error type,
        // diagnostics with their source locations. No dependency at all.
        .target(name: "Messages"),
        // The table readers: CSV, XLSX (its zip and XML), text encodings, spreadsheet dates. Domain-free,
        // and without the database: a reader of strangers' bytes that a fuzzer or a tool can take alone.
        .target(name: "Tables", dependencies: ["Messages", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The engine: definitions, validation, expressions, durable store, scheduler, the core steps. Domain-free.
        .target(
            name: "Workflow",
            dependencies: [
                "Messages",
                "CSQLiteSetup",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                // The raw SQLite API, for the few hot loops GRDB's conveniences would slow (imports, tallies).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // libqrencode (Debian's libqrencode-dev): QR codes for badges and staff sign-in links.
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        // libxlsxwriter (Debian's libxlsxwriter-dev): Excel workbooks for tally reports.
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // The layer every plugin stands on: people, enterprises, postings, registrations, badge codes, staff
        // accounts, identifier rules and the import framework over the table readers.
        .target(
            name: "Ledger",
            dependencies: [
                "Workflow", "Tables", "CQRencode",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                // SHA-256 for staff sign-in tokens (stored hashed).
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // What a plugin brings besides its steps: commands, routes, import kinds and tally sections, and
        // the terminal and HTTP helpers they share.
        .target(
            name: "PluginKit",
            dependencies: [
                "Workflow", "Ledger", "CXlsxWriter",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The domain plugins, one target each.
        plugin("Registration", web: ["openapi.json", "walk-in.html", "walk-in.js"]),
        plugin("Checkin", templates: ["badges"], web: ["openapi.json", "scan.html", "scan.js", "desk.html", "desk.js"]),
        plugin("Outcomes", dependencies: ["Checkin"], web: ["openapi.json", "booth.html", "booth.js"]),
        plugin("Tally", dependencies: ["CXlsxWriter"], templates: ["tally", "table"], web: ["openapi.json"]),
        // Buses ride through check-in's checkpoints (leave-home, board, alight, enter-factory) and carry
        // the workers a fair placed (outcomes).
        plugin("Transport", dependencies: ["Checkin", "Outcomes"], templates: ["manifests"], web: ["openapi.json", "bus-door.html", "bus-door.js"]),
        // Interview slots and booths: depends on no other plugin.
        plugin("Scheduling", dependencies: [.product(name: "HeapModule", package: "swift-collections")],
               templates: ["interview-slips", "booth-map"]),
        // A livestream's call-backs book outcomes.
        plugin("Livestream", dependencies: ["Outcomes"], templates: ["run-sheet"], web: ["openapi.json", "calls.html", "calls.js"]),
        // Skills training: classes, attendance per session, certificates, subsidy. Depends on no other plugin.
        plugin("Training", web: ["openapi.json", "attendance.html", "attendance.js"]),
        // Monthly employment monitoring: township sheets, month-over-month changes, one-to-one help.
        plugin("Monitoring", web: ["openapi.json", "help.html", "help.js"]),
        // The province view: `campaign publish` sends a workspace's tally facts to PostgreSQL; `campaign
        // province` adds every county's up and prints them as a county's tally is printed (Tally's writers).
        plugin("Province", dependencies: ["Tally", .product(name: "PostgresNIO", package: "postgres-nio"),
                                           .product(name: "Crypto", package: "swift-crypto")]),
        // The plugins compiled into the binary: adding one is one line there.
        .target(name: "BuiltinPlugins",
                dependencies: ["Workflow", "Ledger", "PluginKit", "Registration", "Checkin", "Outcomes", "Tally",
                               "Scheduling", "Transport", "Livestream", "Training", "Monitoring", "Province"],
                path: "Sources/Plugins/BuiltinPlugins"),
        // `campaign serve`: the check-in page and JSON API for staff phones (Hummingbird 2).
        .target(
            name: "CampaignServer",
            dependencies: [
                "Workflow", "Ledger", "PluginKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            // The server's own web files: its pages' shells and its part of the API description (each plugin
            // keeps its panels and its paths in its own Web/ folder).
            resources: ["openapi.json", "page.html.mustache", "page.js", "run-page.html.mustache", "trust-page.html.mustache"].map { .embedInCode("Web/\($0)") }
        ),
        // Engine test helpers: virtual clock, temporary folders, an engine harness.
        .target(name: "WorkflowTesting", dependencies: ["Workflow"]),
        // Domain test helpers: the ledger generator, a ledger harness, sample campaigns.
        .target(name: "CampaignTesting", dependencies: ["Workflow", "WorkflowTesting", "Ledger", "BuiltinPlugins", "PluginKit",
                                                        "Registration", "Checkin", "Outcomes", "Tally",
                                                        .product(name: "GRDB", package: "GRDB.swift")]),
        // The command-line tool: argument parsing and terminal output only.
        .executableTarget(
            name: "campaign",
            dependencies: [
                "Workflow", "Ledger", "PluginKit", "BuiltinPlugins", "CampaignServer",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzzing: the parsers strangers' bytes reach, each a target (`scripts/fuzz`), and a replayer.
        .target(name: "CampaignFuzzing", dependencies: [
            "Workflow", "Ledger", "BuiltinPlugins", "WorkflowTesting", "CampaignTesting", "CampaignServer", "PluginKit",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOEmbedded", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "campaign-fuzz", dependencies: ["CampaignFuzzing"]),
        // Benchmarks: `swift run -c release campaign-bench engine`.
        .executableTarget(name: "campaign-bench", dependencies: [
            "Workflow", "Ledger", "PluginKit", "Tally", "Scheduling", "Transport", "Livestream", "Province", "BuiltinPlugins",
            "WorkflowTesting", "CampaignTesting",
            "CXlsxWriter", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        .testTarget(name: "WorkflowTests", dependencies: [
            "Workflow", "WorkflowTesting", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The table readers alone: no workspace, no database.
        .testTarget(name: "TablesTests", dependencies: ["Tables", "Messages"]),
        // The Ledger's own: identifiers, imports, rejects, workbooks, walk-ins, shredding of values.
        .testTarget(
            name: "LedgerTests",
            dependencies: ["Workflow", "Ledger", "BuiltinPlugins", "WorkflowTesting", "CampaignTesting",
                           .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RegistrationTests",
            dependencies: ["Workflow", "Ledger", "Registration", "BuiltinPlugins", "WorkflowTesting", "CampaignTesting",
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "CheckinTests",
            dependencies: ["Workflow", "Ledger", "PluginKit", "Registration", "Checkin", "BuiltinPlugins", "WorkflowTesting",
                           "CampaignTesting", "Messages", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "NIOCore", package: "swift-nio")]
        ),
        .testTarget(
            name: "OutcomeTests",
            dependencies: ["Workflow", "Ledger", "PluginKit", "Registration", "Checkin", "Outcomes", "Tally", "BuiltinPlugins", "WorkflowTesting",
                           "CampaignTesting", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "SchedulingTests",
            dependencies: ["Workflow", "Ledger", "Scheduling", "BuiltinPlugins", "WorkflowTesting", "CampaignTesting",
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "TransportTests",
            dependencies: ["Workflow", "Ledger", "Checkin", "Transport", "BuiltinPlugins", "WorkflowTesting",
                           "CampaignTesting", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "LivestreamTests",
            dependencies: ["Workflow", "Ledger", "PluginKit", "Livestream", "BuiltinPlugins", "WorkflowTesting", "CampaignTesting",
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "TrainingTests",
            dependencies: ["Workflow", "Ledger", "PluginKit", "Training", "Tally", "BuiltinPlugins", "WorkflowTesting", "CampaignTesting",
                           "CampaignServer", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        .testTarget(
            name: "MonitoringTests",
            dependencies: ["Workflow", "Ledger", "PluginKit", "Monitoring", "Tally", "BuiltinPlugins", "WorkflowTesting",
                           "CampaignTesting", "CampaignServer", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        // The province view against a real PostgreSQL each test starts for itself (its own data folder).
        .testTarget(
            name: "ProvinceTests",
            dependencies: ["Workflow", "Ledger", "PluginKit", "Outcomes", "Tally", "Province", "BuiltinPlugins", "WorkflowTesting",
                           "CampaignTesting", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The second count: a reference model that counts a random county's acts by the README's rules,
        // beside the tally in every format; and the tally's own rules, each proven by a test. The acts go
        // through the product's doors — imports, steps, the staff API in-process (HummingbirdTesting).
        .testTarget(name: "TallyTests", dependencies: [
            "Workflow", "Ledger", "PluginKit", "Checkin", "Outcomes", "Tally", "Transport", "Livestream", "BuiltinPlugins",
            "CampaignServer", "WorkflowTesting", "CampaignTesting", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        // The fuzz targets as property tests over the committed corpus (Fuzz/corpus).
        .testTarget(name: "FuzzTests", dependencies: ["CampaignFuzzing"]),
        // The layering kept honest: the README's target diagram, plugin-to-plugin edges, SQL ownership.
        .testTarget(name: "ArchitectureTests"),
        // "Writing a plugin", proved: the smallest real plugin (a survey) reaches every front end.
        // The plugin kit, the example plugin, and every module's message catalogue.
        .testTarget(name: "PluginKitTests", dependencies: [
            "Workflow", "Ledger", "PluginKit", "Registration", "Checkin", "Tally", "BuiltinPlugins", "CampaignServer", "WorkflowTesting",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ], resources: ["openapi.json", "survey.html", "survey.js"].map { .embedInCode("SurveyPlugin/Web/\($0)") }),
        // End-to-end tests run the built `campaign` binary; depending on it makes `swift test` build it.
        .testTarget(name: "CampaignTests", dependencies: [
            "campaign", "campaign-bench", "CampaignServer", "Workflow", "Ledger", "Checkin", "BuiltinPlugins",
            "WorkflowTesting", "CampaignTesting", "PluginKit", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "NIOEmbedded", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
