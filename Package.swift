// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tiyao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tiyao", targets: ["tiyao"]),
        .library(name: "TiyaoKit", targets: ["TiyaoKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // The system ICU (libicu-dev), wrapped in C so that its headers never meet
        // Foundation's private copy of ICU inside Swift (see README, "ICU").
        .target(
            name: "CICUShim",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        .target(
            name: "TiyaoKit",
            dependencies: [
                "CICUShim",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "tiyao",
            dependencies: [
                "TiyaoKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Seeded mutation fuzzing from the corpus (see README, "Robustness").
        .executableTarget(
            name: "tiyao-fuzz",
            dependencies: ["TiyaoKit"]
        ),
        .testTarget(
            name: "TiyaoKitTests",
            dependencies: ["TiyaoKit", "tiyao"],
            resources: [.copy("Fixtures")]
        ),
    ],
    // Swift 5 mode: the CLI is single-threaded and the ICU handles are owned per object.
    swiftLanguageModes: [.v5]
)
