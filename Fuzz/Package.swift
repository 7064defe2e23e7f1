// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets for Tenet's loaders, in a package of their own so that a plain `swift build`
/// or `swift test` of Tenet never builds them. See README.md for the commands.
let package = Package(
    name: "TenetFuzz",
    dependencies: [
        .package(name: "Tenet", path: ".."),
    ],
    targets: [
        .target(
            name: "LoaderFuzzing",
            dependencies: [.product(name: "TenetDocument", package: "Tenet")]
        ),
        .executableTarget(name: "fuzz-yaml", dependencies: ["LoaderFuzzing"]),
        .executableTarget(name: "fuzz-json", dependencies: ["LoaderFuzzing"]),
        .target(
            name: "GuardFuzzing",
            dependencies: [
                .product(name: "TenetDocument", package: "Tenet"),
                .product(name: "TenetGuard", package: "Tenet"),
            ]
        ),
        .executableTarget(name: "fuzz-guard", dependencies: ["GuardFuzzing"]),
    ]
)
