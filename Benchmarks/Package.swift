// swift-tools-version:6.0
import PackageDescription

// The benchmark harness lives in its own package so the main `swift test` build is not slowed.
// It measures the store, core and runtime in-process and drives the real binary for the
// whole-process comparisons (see README.md and ./run).
let package = Package(
    name: "FrontdeskBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Frontdesk", path: ".."),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        .executableTarget(
            name: "frontdesk-bench",
            dependencies: [
                .product(name: "FrontdeskLibraries", package: "Frontdesk"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)
