import AWSClient
import Foundation
import TestSupport
import XCTest

/// The dashboard binary in tmux, on moto behind the chaos proxy, with prod hanging on every call: the other
/// environments fill in, keys answer at once, and `q` or SIGTERM still end it with the terminal restored.
final class ChaosDashboardTmuxTests: XCTestCase {
    func testAHangingAccountLeavesKeysAndQuittingAlone() async throws {
        let world = try MotoWorld.load()
        let proxy = try await world.chaosProxy(FaultPlan(rules: [FaultRule(.hang(seconds: nil), account: world.environment("prod").account)]))
        let config = try world.writeConfig(endpoint: proxy.endpoint, extra: "connect_timeout: 2s\nrequest_timeout: 5s\n")
        defer { try? FileManager.default.removeItem(at: config.deletingLastPathComponent()) }
        let environment = world.keys(of: "ci").merging(["XDG_STATE_HOME": config.deletingLastPathComponent().path]) { $1 }

        for ending in ["q", "C-c", "SIGTERM"] {
            let tmux = try TmuxSession.forTest("\(ECSDashProcess.executable.path) --config \(config.path); echo EXIT=$? AT=$(date +%s.%N); sleep 60",
                                       width: 140, height: 36, environment: environment)
            let shown = tmux.waitFor(timeout: 60) { screen in
                ["dev", "sit", "uat"].allSatisfy { screen.contains("\($0)→") } && screen.contains("PROD")
            }
            XCTAssertTrue(shown.matched, "the healthy environments fill in while prod hangs:\n\(shown.screen)")
            XCTAssertFalse(shown.screen.contains("prod→"), "prod never answered:\n\(shown.screen)")
            try tmux.send("j")
            XCTAssertTrue(tmux.waitFor(timeout: 10) { $0.contains("▸frontend") }.matched, "the cursor moves:\n\(tmux.capture())")
            try tmux.send("?")
            XCTAssertTrue(tmux.waitFor(timeout: 10) { $0.contains("Help") }.matched, "help opens:\n\(tmux.capture())")
            try tmux.send("Escape")
            XCTAssertTrue(tmux.waitFor(timeout: 10) { $0.contains(" Matrix") }.matched)

            let asked = Date().timeIntervalSince1970
            if ending == "SIGTERM" {
                for pid in try tmux.programPids() { kill(pid, SIGTERM) }
            } else {
                try tmux.send(ending)
            }
            let exited = tmux.waitFor(timeout: 20) { $0.contains("EXIT=") && $0.contains("AT=") }
            XCTAssertTrue(exited.matched, "ecsdash did not end on \(ending) while prod hung:\n\(exited.screen)")
            let line = exited.screen.split(separator: "\n").first { $0.contains("EXIT=") }.map(String.init) ?? ""
            XCTAssertTrue(line.contains("EXIT=0"), "\(ending): \(line)")
            if let at = line.split(separator: "=").last.flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }) {
                print("quit: \(ending) ended ecsdash \(String(format: "%.2f", at - asked)) s after it was asked, prod hanging")
            }
        }
        await proxy.stop()
    }
}
