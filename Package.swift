// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Tenet",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tenet", targets: ["tenet"]),
        .library(name: "TenetDocument", targets: ["TenetDocument"]),
        .library(name: "TenetXML", targets: ["TenetXML"]),
        .library(name: "TenetGuard", targets: ["TenetGuard"]),
        .library(name: "TenetRules", targets: ["TenetRules"]),
        .library(name: "TenetInventory", targets: ["TenetInventory"]),
        .library(name: "TenetAWS", targets: ["TenetAWS"]),
        .library(name: "TenetTemplates", targets: ["TenetTemplates"]),
        .library(name: "TenetScan", targets: ["TenetScan"]),
        .library(name: "TenetReports", targets: ["TenetReports"]),
        .library(name: "TenetHistory", targets: ["TenetHistory"]),
        .library(name: "TenetEvidence", targets: ["TenetEvidence"]),
        .library(name: "TenetHistoryPostgreSQL", targets: ["TenetHistoryPostgreSQL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // C libraries from Debian packages. Each is imported by exactly one Swift wrapper target.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),

        .target(name: "TenetDocument", dependencies: ["CYAML"]),
        .target(name: "TenetXML", dependencies: ["CLibXML2"]),
        .target(name: "TenetGuard", dependencies: ["TenetDocument"]),
        .target(name: "TenetRules", dependencies: ["TenetGuard", "TenetDocument"]),
        .target(
            name: "TenetInventory",
            dependencies: ["TenetDocument", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "TenetAWS",
            dependencies: [
                "TenetDocument",
                "TenetInventory",
                "TenetXML",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .target(name: "TenetTemplates", dependencies: ["TenetDocument", "TenetInventory"]),
        .target(
            name: "TenetScan",
            dependencies: ["TenetDocument", "TenetGuard", "TenetRules", "TenetInventory", "TenetTemplates", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "TenetReports",
            dependencies: ["TenetScan", "TenetXML", "TenetDocument", "TenetInventory", "TenetRules"]
        ),
        .target(
            name: "TenetHistory",
            dependencies: ["CSQLite", "TenetDocument", "TenetInventory", "TenetScan", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "TenetEvidence",
            dependencies: ["TenetHistory", "TenetScan", "TenetRules", "TenetReports", "TenetInventory", "TenetDocument", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The shared store for teams, kept apart so that programs embedding the SQLite default do not link PostgresNIO.
        .target(
            name: "TenetHistoryPostgreSQL",
            dependencies: ["TenetHistory", "TenetInventory", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),

        .executableTarget(
            name: "tenet",
            dependencies: [
                "TenetDocument",
                "TenetGuard",
                "TenetRules",
                "TenetInventory",
                "TenetTemplates",
                "TenetScan",
                "TenetReports",
                "TenetAWS",
                "TenetHistory",
                "TenetEvidence",
                "TenetHistoryPostgreSQL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "tenet-benchmark",
            dependencies: ["TenetDocument", "TenetGuard", "TenetRules", "TenetInventory", "TenetTemplates", "TenetScan", "TenetHistory", "TenetHistoryPostgreSQL", "TenetEvidence"],
            path: "Benchmarks/tenet-benchmark"
        ),

        .executableTarget(
            name: "history-crash-recorder",
            dependencies: ["TenetHistory", "TenetScan", "TenetInventory", "TenetDocument"],
            path: "Tests/HistoryCrashRecorder"
        ),

        .testTarget(name: "TenetDocumentTests", dependencies: ["TenetDocument", "TenetTestServers"], exclude: ["Support/cfnlint_decode.py"]),
        .testTarget(name: "TenetXMLTests", dependencies: ["TenetXML"]),
        .testTarget(name: "TenetTemplatesTests", dependencies: ["TenetTemplates", "TenetInventory", "TenetDocument"]),
        .testTarget(
            name: "TenetScanTests",
            dependencies: ["TenetScan", "TenetTemplates", "TenetRules", "TenetGuard", "TenetInventory", "TenetDocument"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "TenetInventoryTests", dependencies: ["TenetInventory", "TenetDocument"]),
        // Test support shared by test targets: real servers on loopback (moto, Python stubs) for those
        // that talk to AWS, and a seeded random generator for replayable fuzzing.
        .target(
            name: "TenetTestServers",
            dependencies: ["TenetAWS"],
            path: "Tests/TenetTestServers",
            exclude: ["botocore_sign.py", "seed_estate.py", "flaky_server.py"]
        ),
        .testTarget(
            name: "TenetAWSTests",
            dependencies: ["TenetAWS", "TenetInventory", "TenetDocument", "TenetTestServers"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "TenetRulesTests", dependencies: ["TenetRules", "TenetGuard", "TenetDocument"]),
        .testTarget(name: "TenetGuardTests", dependencies: ["TenetGuard", "TenetDocument"]),
        .testTarget(
            name: "TenetReportsTests",
            dependencies: ["TenetReports", "TenetScan", "TenetXML", "TenetDocument", "TenetInventory", "TenetRules", "TenetTestServers"],
            exclude: ["Fixtures", "Golden", "Support/validate_json_schema.py"]
        ),
        .testTarget(name: "TenetCommandLineTests", dependencies: ["tenet", "TenetDocument", "TenetXML", "TenetTestServers"], exclude: ["Fixtures"]),
        .testTarget(
            name: "TenetHistoryTests",
            dependencies: [
                "TenetHistory", "TenetHistoryPostgreSQL", "TenetEvidence", "TenetRules", "TenetScan", "TenetInventory", "TenetDocument", "CSQLite",
                "TenetTestServers",
            ]
        ),
    ]
)
