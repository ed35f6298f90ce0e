// swift-tools-version:6.1
// 6.1: GRDB 7.10 declares swift-tools-version 6.1, so an older toolchain could not resolve it anyway.
import PackageDescription

let package = Package(
    name: "Frontdesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "frontdesk", targets: ["frontdesk"]),
        // For the separate benchmark package (Benchmarks/), which measures the store, core and runtime in-process.
        .library(name: "FrontdeskLibraries", targets: ["FrontdeskCore", "FrontdeskStore", "TerminalUI", "FrontdeskApp", "FrontdeskRuntime"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        // Domain: buffer rules, calendar arithmetic, planning, progress, follow-ups, KPIs, date input.
        .target(name: "FrontdeskCore"),
        // SQLite persistence: migrations, records, queries and one-transaction booking operations.
        .target(
            name: "FrontdeskStore",
            // GRDBSQLite: SQLite's C calls, for the bulk load's prepared statements (BookingBulkWriter).
            dependencies: ["FrontdeskCore", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // Terminal-independent drawing: cells, buffers, styles, themes, text width, widgets.
        .target(name: "TerminalUI"),
        // ncursesw.pc adds -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600 and -ltinfo on Debian; SQLite comes through GRDB.
        .systemLibrary(
            name: "CNCursesw", path: "Sources/CNCursesw", pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"]), .brew(["ncurses"])]
        ),
        // Signal handlers in C (async-signal-safe): quit flags, and a crash that gives the terminal back.
        .target(name: "CursesSignals"),
        // The only code that talks to ncurses.
        .target(name: "CursesBackend", dependencies: ["TerminalUI", "CNCursesw", "CursesSignals"]),
        // Screens, state, messages, effects and the pure update function.
        .target(
            name: "FrontdeskApp",
            dependencies: ["FrontdeskCore", "TerminalUI"]
        ),
        // Reads config.toml and theme files (TOMLKit, file I/O); holds the stock themes built into the binary.
        .target(
            name: "FrontdeskConfiguration",
            dependencies: ["FrontdeskCore", "TerminalUI", "TOMLKit"]
        ),
        // Performs the screens' effects against the store; drives the app with any terminal.
        .target(
            name: "FrontdeskRuntime",
            dependencies: ["FrontdeskCore", "FrontdeskStore", "FrontdeskApp", "TerminalUI"]
        ),
        .executableTarget(
            name: "frontdesk",
            dependencies: [
                "FrontdeskCore", "FrontdeskStore", "FrontdeskApp", "FrontdeskRuntime", "FrontdeskConfiguration", "TerminalUI",
                "CursesBackend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzzing: what each target checks (shared with the corpus replay tests), and one libFuzzer
        // executable per reader of untrusted text; scripts/fuzz builds them with --sanitize=fuzzer.
        .target(name: "FrontdeskFuzzing", dependencies: ["FrontdeskCore", "FrontdeskConfiguration"]),
        .executableTarget(name: "FuzzDateInput", dependencies: ["FrontdeskFuzzing"]),
        .executableTarget(name: "FuzzBufferRules", dependencies: ["FrontdeskFuzzing"]),
        .executableTarget(name: "FuzzConfigTOML", dependencies: ["FrontdeskFuzzing"]),
        .executableTarget(name: "FuzzCSVRows", dependencies: ["FrontdeskFuzzing"]),
        .target(
            name: "FrontdeskTestSupport",
            dependencies: ["FrontdeskCore", "FrontdeskStore", "TerminalUI"]
        ),
        .testTarget(name: "FrontdeskCoreTests", dependencies: ["FrontdeskCore"]),
        .testTarget(name: "FrontdeskStoreTests", dependencies: ["FrontdeskStore", "FrontdeskTestSupport"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "FrontdeskTestSupport"], exclude: ["Snapshots"]),
        .testTarget(
            name: "FrontdeskAppTests",
            dependencies: ["FrontdeskApp", "FrontdeskRuntime", "FrontdeskStore", "FrontdeskTestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "FrontdeskConfigurationTests", dependencies: ["FrontdeskConfiguration", "FrontdeskCore", "TerminalUI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["FrontdeskTestSupport"]),
        // The command line's wording, in process (the executable's module is testable).
        .testTarget(name: "CommandLineTests", dependencies: ["frontdesk", "FrontdeskTestSupport"]),
        .testTarget(name: "FuzzCorpusTests", dependencies: ["FrontdeskFuzzing", "FrontdeskCore"], exclude: ["Corpus"]),
    ]
)
