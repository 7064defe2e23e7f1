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
        .library(name: "TenetScan", targets: ["TenetScan"]),
        .library(name: "TenetHistory", targets: ["TenetHistory"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
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
                "TenetXML",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .target(
            name: "TenetScan",
            dependencies: ["TenetDocument", "TenetGuard", "TenetRules", "TenetInventory", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "TenetHistory",
            dependencies: ["CSQLite", "TenetDocument", "TenetInventory", "TenetScan", .product(name: "Crypto", package: "swift-crypto")]
        ),

        .executableTarget(
            name: "tenet",
            dependencies: [
                "TenetDocument",
                "TenetGuard",
                "TenetRules",
                "TenetInventory",
                "TenetHistory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "tenet-benchmark",
            dependencies: ["TenetDocument", "TenetGuard", "TenetInventory", "TenetScan", "TenetHistory"],
            path: "Benchmarks/tenet-benchmark"
        ),

        .executableTarget(
            name: "history-crash-recorder",
            dependencies: ["TenetHistory", "TenetScan", "TenetInventory", "TenetDocument"],
            path: "Tests/HistoryCrashRecorder"
        ),

        .testTarget(name: "TenetDocumentTests", dependencies: ["TenetDocument"], exclude: ["Support/cfnlint_decode.py"]),
        .testTarget(name: "TenetXMLTests", dependencies: ["TenetXML"]),
        .testTarget(name: "TenetInventoryTests", dependencies: ["TenetInventory", "TenetDocument"]),
        .testTarget(
            name: "TenetAWSTests",
            dependencies: ["TenetAWS", "TenetDocument"],
            exclude: ["Support/botocore_sign.py", "Support/seed_estate.py", "Support/flaky_server.py"]
        ),
        .testTarget(name: "TenetRulesTests", dependencies: ["TenetRules", "TenetGuard", "TenetDocument"]),
        .testTarget(name: "TenetGuardTests", dependencies: ["TenetGuard", "TenetDocument"]),
        .testTarget(name: "TenetCommandLineTests", dependencies: ["tenet", "TenetDocument"]),
        .testTarget(name: "TenetHistoryTests", dependencies: ["TenetHistory", "TenetScan", "TenetInventory", "TenetDocument", "CSQLite"]),
    ]
)
