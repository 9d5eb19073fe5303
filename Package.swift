// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "campaign",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "campaign", targets: ["campaign"]),
        .library(name: "Workflow", targets: ["Workflow"]),
        .library(name: "Plugins", targets: ["Plugins"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Process-wide SQLite settings that need C (sqlite3_config is variadic).
        .target(name: "CSQLiteSetup", dependencies: [.product(name: "GRDBSQLite", package: "GRDB.swift")]),
        // The engine: definitions, validation, expressions, durable store, scheduler. Domain-free.
        .target(
            name: "Workflow",
            dependencies: [
                "CSQLiteSetup",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // libqrencode (Debian's libqrencode-dev): QR codes for badges and staff sign-in links.
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        // libxlsxwriter (Debian's libxlsxwriter-dev): Excel workbooks for tally reports.
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // The domain plugins compiled into the binary.
        .target(
            name: "Plugins",
            dependencies: [
                "Workflow", "CQRencode", "CXlsxWriter",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The raw SQLite API, for the one hot loop GRDB's conveniences would slow (ledger imports).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                // SHA-256 for staff sign-in tokens (stored hashed).
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // `campaign serve`: the check-in page and JSON API for staff phones (Hummingbird 2).
        .target(
            name: "CampaignServer",
            dependencies: [
                "Workflow", "Plugins",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Helpers shared by tests and benchmarks: virtual clock, temporary workspaces.
        .target(name: "WorkflowTesting", dependencies: ["Workflow", "Plugins"]),
        // The command-line tool: argument parsing and terminal output only.
        .executableTarget(
            name: "campaign",
            dependencies: [
                "Workflow", "Plugins", "CampaignServer", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks: `swift run -c release campaign-bench engine`.
        .executableTarget(name: "campaign-bench", dependencies: [
            "Workflow", "Plugins", "WorkflowTesting", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "WorkflowTests", dependencies: [
            "Workflow", "Plugins", "WorkflowTesting", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(
            name: "RegistrationTests",
            dependencies: ["Workflow", "Plugins", "WorkflowTesting", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CheckinTests",
            dependencies: ["Workflow", "Plugins", "WorkflowTesting", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "OutcomeTests",
            dependencies: ["Workflow", "Plugins", "WorkflowTesting", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // End-to-end tests run the built `campaign` binary; depending on it makes `swift test` build it.
        .testTarget(name: "CampaignTests", dependencies: [
            "campaign", "campaign-bench", "CampaignServer", "Workflow", "Plugins", "WorkflowTesting",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
