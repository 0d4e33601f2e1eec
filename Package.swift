// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ecsdash",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ecsdash", targets: ["ecsdash"]),
        .executable(name: "ecsdash-bench", targets: ["ecsdash-bench"]),
        .executable(name: "ecsdash-fuzz", targets: ["ecsdash-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        // YAML for the config and theme files; its composer keeps each node's line and column for error messages,
        // and from 6.0 reports a repeated key (YamlError.duplicatedKeysInMapping), which the config errors point at.
        .package(url: "https://github.com/jpsim/Yams.git", "6.0.0"..<"7.0.0"),
        // HTTP for every AWS call: pooled connections, deadlines and cancellation that never blocks (URLSession on
        // Linux deadlocks when a task is cancelled as its request completes). What the Swift AWS SDKs use on Linux.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        // No pkgConfig: its cflags (-D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600) are flags SwiftPM refuses with a warning
        // on every build, and shim.h defines the two the wide-character API needs itself; the module map links
        // ncursesw (on Debian and Ubuntu a linker script that brings libtinfo along).
        .systemLibrary(
            name: "CNcurses",
            path: "Sources/CNcurses",
            providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]
        ),
        // The layers, each a target that can import only those below it (scripts/check-layers holds them to this):
        // AWSClient ← FleetSimulator; DashboardModel ← DashboardViews; AWSClient, FleetSimulator, DashboardModel ←
        // DashboardEngine; DashboardModel, DashboardViews ← DashboardTerminal; all of them ← DashboardCLI.
        .target(
            name: "AWSClient",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // The simulated AWS behind --demo; it speaks the clients' wire formats and knows nothing of the dashboard.
        .target(
            name: "FleetSimulator",
            dependencies: ["AWSClient"]
        ),
        // Snapshots, app state, the reducer, keys and what actions are: pure values, no AWS, no terminal; and the
        // YAML reader that the config and theme files share, with located errors.
        .target(name: "DashboardModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        // View models, the renderer onto a canvas, themes: draws from the model only.
        .target(name: "DashboardViews", dependencies: ["DashboardModel", .product(name: "Yams", package: "Yams")]),
        // Config, polling, the mapping from AWS replies to snapshots, the action dispatcher, the runtime.
        .target(
            name: "DashboardEngine",
            dependencies: [
                "AWSClient", "FleetSimulator", "DashboardModel",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The only target that imports CNcurses: the screen, the curses canvas, the key reader, the UI loop.
        .target(name: "DashboardTerminal", dependencies: ["CNcurses", "DashboardModel", "DashboardViews"]),
        // The command line: commands, wiring, status, doctor.
        .target(
            name: "DashboardCLI",
            dependencies: [
                "AWSClient", "FleetSimulator", "DashboardModel", "DashboardViews", "DashboardEngine", "DashboardTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ecsdash", dependencies: ["DashboardCLI"]),
        // What tests and benchmarks share: the chaos proxy, a manual clock, the tmux driver, process helpers, fixtures.
        .target(
            name: "TestSupport",
            dependencies: [
                "AWSClient", "FleetSimulator", "DashboardModel", "DashboardViews", "DashboardEngine",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "ecsdash-bench",
            dependencies: ["AWSClient", "FleetSimulator", "DashboardModel", "DashboardViews", "DashboardEngine", "DashboardCLI", "TestSupport"],
            path: "Benchmarks"
        ),
        // The parser fuzz targets as one binary: libFuzzer's when scripts/fuzz builds it, a replayer otherwise.
        .executableTarget(name: "ecsdash-fuzz", dependencies: ["AWSClient", "DashboardViews", "DashboardEngine", "DashboardCLI"]),
        .testTarget(name: "AWSClientTests", dependencies: ["AWSClient", "TestSupport"]),
        .testTarget(name: "FleetSimulatorTests", dependencies: ["FleetSimulator", "DashboardEngine", "TestSupport"]),
        .testTarget(name: "DashboardModelTests", dependencies: ["DashboardModel", "TestSupport"]),
        .testTarget(name: "DashboardViewsTests", dependencies: ["DashboardViews", "DashboardModel", "TestSupport"]),
        .testTarget(name: "DashboardEngineTests", dependencies: ["DashboardEngine", "DashboardModel", "FleetSimulator", "AWSClient", "TestSupport"]),
        .testTarget(name: "DashboardTerminalTests", dependencies: ["DashboardTerminal", "CNcurses"]),
        .testTarget(name: "DashboardCLITests", dependencies: ["DashboardCLI", "DashboardEngine", "DashboardModel", "DashboardViews", "TestSupport"]),
        // Crypto: the parity corpus names SSO cache files by the SHA-1 of a start URL or session name.
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["AWSClient", "DashboardModel", "DashboardEngine", "DashboardCLI", "TestSupport",
                           .product(name: "Crypto", package: "swift-crypto")],
            path: "Tests/Integration", exclude: ["moto", "proxy", "Parity"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
