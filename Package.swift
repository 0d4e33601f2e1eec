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
        .systemLibrary(
            name: "CNcurses",
            path: "Sources/CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]
        ),
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
        // All of the dashboard's logic lives in this library so tests and the benchmark can reach it;
        // the `ecsdash` executable below is only its entry point.
        .target(
            name: "Dashboard",
            dependencies: [
                "AWSClient",
                "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // The simulated fleet computes ECR digests as SHA-256 of the manifest bytes, as ECR does.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(name: "ecsdash", dependencies: ["Dashboard"]),
        // What tests and benchmarks share: the fault-injecting proxy in front of moto or the simulator.
        .target(
            name: "TestSupport",
            dependencies: [
                "AWSClient",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(name: "ecsdash-bench", dependencies: ["AWSClient", "Dashboard", "TestSupport"], path: "Benchmarks"),
        // The parser fuzz targets as one binary: libFuzzer's when scripts/fuzz builds it, a replayer otherwise.
        .executableTarget(name: "ecsdash-fuzz", dependencies: ["AWSClient", "Dashboard"]),
        .testTarget(name: "AWSClientTests", dependencies: ["AWSClient", "TestSupport"]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "AWSClient", "CNcurses"]),
        // Crypto: the parity corpus names SSO cache files by the SHA-1 of a start URL or session name.
        .testTarget(name: "IntegrationTests", dependencies: ["AWSClient", "Dashboard", "TestSupport", .product(name: "Crypto", package: "swift-crypto")], path: "Tests/Integration", exclude: ["moto", "proxy", "Parity"]),
    ],
    swiftLanguageModes: [.v6]
)
