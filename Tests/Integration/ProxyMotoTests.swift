import Foundation
import XCTest

/// `HTTP_PROXY` / `HTTPS_PROXY` and `NO_PROXY` as the AWS CLI honours them: through a CONNECT proxy on loopback,
/// `ecsdash status` reads the moto world; with the endpoint's host in `NO_PROXY` the proxy sees nothing.
final class ProxyMotoTests: XCTestCase {
    /// The proxy script beside the tests, started with the system's python3; its output names its port and each tunnel.
    final class ConnectProxy {
        let process = Process()
        let input = Pipe()
        let output = Pipe()
        private(set) var port = 0
        private let lines = LockedLines()

        init() throws {
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("proxy/connect_proxy.py")
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path]
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            let lines = self.lines
            output.fileHandleForReading.readabilityHandler = { handle in lines.append(String(decoding: handle.availableData, as: UTF8.self)) }
            for _ in 0..<200 where port == 0 {
                port = lines.all.first { $0.hasPrefix("PORT ") }.flatMap { Int($0.dropFirst(5)) } ?? 0
                usleep(25_000)
            }
            guard port > 0 else { throw ProxyDidNotStart() }
        }

        var tunnels: [String] { lines.all.filter { $0.hasPrefix("CONNECT ") } }

        func stop() {
            output.fileHandleForReading.readabilityHandler = nil
            try? input.fileHandleForWriting.close()
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// Output lines gathered from another thread.
    final class LockedLines: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ chunk: String) { lock.withLock { text += chunk } }
        var all: [String] { lock.withLock { text.split(separator: "\n").map(String.init) } }
    }

    func testStatusGoesThroughTheProxyUnlessNoProxyNamesTheHost() throws {
        let world = try MotoWorld.load()
        let config = try world.writeConfig()
        defer { try? FileManager.default.removeItem(at: config.deletingLastPathComponent()) }
        let proxy = try ConnectProxy()
        defer { proxy.stop() }
        let motoHost = world.endpoint.replacingOccurrences(of: "http://", with: "")

        let proxied = try ECSDashProcess.run(["status", "--output", "json", "--config", config.path],
                                             environment: world.keys(of: "ci").merging(["HTTP_PROXY": "http://127.0.0.1:\(proxy.port)"]) { $1 })
        XCTAssertEqual(proxied.status, 0, proxied.stderr)
        XCTAssertTrue(proxy.tunnels.contains("CONNECT \(motoHost)"), "every call went through the proxy: \(proxy.tunnels)")

        let before = proxy.tunnels.count
        let direct = try ECSDashProcess.run(["status", "--output", "json", "--config", config.path],
                                            environment: world.keys(of: "ci").merging(["http_proxy": "http://127.0.0.1:\(proxy.port)", "NO_PROXY": "example.com, 127.0.0.1"]) { $1 })
        XCTAssertEqual(direct.status, 0, direct.stderr)
        XCTAssertEqual(proxy.tunnels.count, before, "NO_PROXY names the endpoint's host: no tunnel")
    }
}

/// The CONNECT proxy printed no port: a failure of the test's own setup, never a reason to skip.
struct ProxyDidNotStart: Error, CustomStringConvertible {
    var description: String { "the CONNECT proxy (Tests/Integration/proxy/connect_proxy.py) printed no PORT line" }
}
