import Foundation
import XCTest

/// The dashboard in a real terminal (tmux), on the embedded demo fleet and on the moto world.
final class DashboardTmuxTests: XCTestCase {
    var binary: String { ECSDashProcess.executable.path }

    /// Runs the dashboard, then records the terminal settings after it exits so tests can check they were restored.
    func dashboard(_ arguments: String, width: Int = 120, height: Int = 36, environment: [String: String] = [:]) throws -> (TmuxSession, URL) {
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw XCTSkip("ecsdash is not built") }
        let stty = FileManager.default.temporaryDirectory.appendingPathComponent("ecsdash-stty-\(UUID().uuidString)")
        let session = try TmuxSession("\(binary) \(arguments); echo EXIT=$?; stty -a > \(stty.path); sleep 60", width: width, height: height, environment: environment)
        return (session, stty)
    }

    func assertTerminalRestored(_ session: TmuxSession, _ stty: URL, file: StaticString = #filePath, line: UInt = #line) {
        let exited = session.waitFor("EXIT=")
        XCTAssertTrue(exited.matched, "ecsdash did not exit:\n\(exited.screen)", file: file, line: line)
        let settings = waitForFile(stty)
        XCTAssertTrue(settings.contains(" icanon") && settings.contains(" echo"), "terminal left in raw mode:\n\(settings)", file: file, line: line)
    }

    func waitForFile(_ url: URL) -> String {
        for _ in 0..<100 {
            if let text = try? String(contentsOf: url, encoding: .utf8), !text.isEmpty { return text }
            usleep(50_000)
        }
        return ""
    }

    func testDemoNavigationPanesFilterHelpResizeAndQuit() throws {
        let (tmux, stty) = try dashboard("--demo")
        var screen = tmux.waitFor(timeout: 20) { $0.contains("PROD") && $0.contains("frontend") && $0.contains("prod→") }
        XCTAssertTrue(screen.matched, screen.screen)
        XCTAssertTrue(screen.screen.contains("▸backend"), "the cursor starts on the first service:\n\(screen.screen)")

        try tmux.send("j")
        XCTAssertTrue(tmux.waitFor("▸frontend").matched)
        try tmux.send("l", "Enter")
        screen = tmux.waitFor("frontend · sit")
        XCTAssertTrue(screen.matched, screen.screen)
        XCTAssertTrue(screen.screen.contains("Deployments") && screen.screen.contains("Tasks"), screen.screen)

        try tmux.send("L")
        screen = tmux.waitFor(timeout: 20) { $0.contains("Logs · frontend") && $0.contains("INFO") }
        XCTAssertTrue(screen.matched, screen.screen)
        try tmux.send("Escape")
        try tmux.send("d")
        screen = tmux.waitFor(timeout: 20) { $0.contains("Describe") && $0.contains("\"tasks\"") }
        XCTAssertTrue(screen.matched, screen.screen)
        try tmux.send("Escape", "Escape")
        XCTAssertTrue(tmux.waitFor(" Matrix").matched)

        try tmux.send("?")
        screen = tmux.waitFor("force new deployment")
        XCTAssertTrue(screen.matched, screen.screen)
        try tmux.send("Escape")

        try tmux.send("/")
        try tmux.type("pay")
        screen = tmux.waitFor { $0.contains("payments") && !$0.contains("frontend") && $0.contains("/pay") }
        XCTAssertTrue(screen.matched, screen.screen)
        try tmux.send("Escape")
        XCTAssertTrue(tmux.waitFor { $0.contains("frontend") && $0.contains("payments") }.matched)

        try tmux.send(":")
        try tmux.type("env dev,prod")
        try tmux.send("Enter")
        screen = tmux.waitFor("showing dev, prod")
        XCTAssertTrue(screen.matched, screen.screen)
        XCTAssertFalse(screen.screen.contains("uat→"), screen.screen)

        try tmux.resize(width: 70, height: 20)
        screen = tmux.waitFor("Terminal too small")
        XCTAssertTrue(screen.matched, screen.screen)
        try tmux.resize(width: 120, height: 36)
        XCTAssertTrue(tmux.waitFor { $0.contains(" Matrix") && !$0.contains("too small") }.matched)

        try tmux.send("q")
        assertTerminalRestored(tmux, stty)
        XCTAssertTrue(tmux.capture().contains("EXIT=0"), tmux.capture())
    }

    func testCtrlCAndSIGTERMRestoreTheTerminal() throws {
        let (first, firstStty) = try dashboard("--demo")
        XCTAssertTrue(first.waitFor(timeout: 20) { $0.contains("PROD") }.matched)
        try first.send("C-c")
        assertTerminalRestored(first, firstStty)

        let (second, secondStty) = try dashboard("--demo")
        XCTAssertTrue(second.waitFor(timeout: 20) { $0.contains("PROD") }.matched)
        let pids = try second.programPids()
        XCTAssertEqual(pids.count, 1, "one ecsdash under the pane's shell")
        for pid in pids { kill(pid, SIGTERM) }
        assertTerminalRestored(second, secondStty)
    }

    func testPromoteFromTheMatrixThenRollBack() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("ecsdash-state-\(UUID().uuidString)")
        let (tmux, stty) = try dashboard("--demo", width: 130, height: 36, environment: ["XDG_STATE_HOME": state.path])
        // Both digests, not just the row: the cells fill in as each environment's first poll lands.
        let first = tmux.waitFor(timeout: 30) {
            Self.digest(in: $0, service: "frontend", environment: "uat") != nil && Self.digest(in: $0, service: "frontend", environment: "prod") != nil
        }
        XCTAssertTrue(first.matched, first.screen)
        let uatDigest = try XCTUnwrap(Self.digest(in: first.screen, service: "frontend", environment: "uat"))
        let prodDigest = try XCTUnwrap(Self.digest(in: first.screen, service: "frontend", environment: "prod"))
        XCTAssertNotEqual(uatDigest, prodDigest, "the demo has something to promote")

        try tmux.send("j", "l", "l", "p")
        // Reading the plan and gates takes a few polls' worth of calls; a loaded CI machine needs more than 15 s.
        var screen = tmux.waitFor("Type its name", timeout: 45)
        XCTAssertTrue(screen.matched, "prod is protected, so its name must be typed:\n\(screen.screen)")
        XCTAssertTrue(screen.screen.contains("ECR PutImage myapp-frontend:prod → sha256:\(uatDigest)"), screen.screen)
        try tmux.type("prod")
        try tmux.send("Enter")
        screen = tmux.waitFor(timeout: 90) { $0.contains("deployment COMPLETED") }
        XCTAssertTrue(screen.matched, screen.screen)
        try tmux.send("Escape")
        screen = tmux.waitFor(timeout: 30) { $0.contains("prod→\(uatDigest)") }
        XCTAssertTrue(screen.matched, "the prod cell now shows uat's digest:\n\(screen.screen)")

        try tmux.send("l", "r")
        screen = tmux.waitFor("Type its name", timeout: 45)
        XCTAssertTrue(screen.matched, screen.screen)
        try tmux.type("prod")
        try tmux.send("Enter")
        // The action's own outcome line, not a rollout progress line: only then is its last step audited.
        screen = tmux.waitFor(timeout: 90) { $0.contains("rollback frontend in prod: deployment COMPLETED") }
        XCTAssertTrue(screen.matched, screen.screen)
        try tmux.send("Escape")
        screen = tmux.waitFor(timeout: 30) { $0.contains("prod→\(prodDigest)") }
        XCTAssertTrue(screen.matched, "rollback put the old digest back:\n\(screen.screen)")
        try tmux.send("q")
        assertTerminalRestored(tmux, stty)
        let audit = try String(contentsOf: state.appendingPathComponent("ecsdash/audit.jsonl"), encoding: .utf8)
        XCTAssertTrue(audit.contains("\"promote\"") && audit.contains("\"rollback\""), audit)
        try assertHistoryShows(promotedTo: uatDigest, rolledBackTo: prodDigest, state: state)
    }

    /// Quitting while an action watches its deployment still leaves the action's last step in the audit log.
    func testQuittingDuringAWatchRecordsItInterrupted() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("ecsdash-state-\(UUID().uuidString)")
        let (tmux, stty) = try dashboard("--demo", width: 130, height: 36, environment: ["XDG_STATE_HOME": state.path])
        let first = tmux.waitFor(timeout: 20) { $0.contains("frontend") && $0.contains("prod→") }
        XCTAssertTrue(first.matched, first.screen)
        try tmux.send("j", "l", "l", "p")
        XCTAssertTrue(tmux.waitFor("Type its name", timeout: 45).matched)
        try tmux.type("prod")
        try tmux.send("Enter")
        let watching = tmux.waitFor(timeout: 30) { $0.contains("watching frontend in prod") }
        XCTAssertTrue(watching.matched, watching.screen)
        try tmux.send("Escape")
        try tmux.send("q")
        assertTerminalRestored(tmux, stty)
        let history = try ECSDashProcess.run(["history", "--demo", "--output", "json", "frontend"], environment: ["XDG_STATE_HOME": state.path])
        let records = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]], history.stdout)
        let last = try XCTUnwrap(records.last, history.stdout)
        XCTAssertEqual(last["step"] as? String, "watch", history.stdout)
        XCTAssertEqual(last["result"] as? String, "interrupted", history.stdout)
    }

    /// `ecsdash history` reads back what the dashboard recorded: as JSON, each action's final step with the
    /// digests it moved between; as a table, narrowed to the service and environment.
    private func assertHistoryShows(promotedTo promoted: String, rolledBackTo restored: String, state: URL) throws {
        let environment = ["XDG_STATE_HOME": state.path]
        let json = try ECSDashProcess.run(["history", "--demo", "--output", "json", "frontend"], environment: environment)
        XCTAssertEqual(json.status, 0, json.stderr)
        let records = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]], json.stdout)
        XCTAssertTrue(records.allSatisfy { $0["service"] as? String == "frontend" }, json.stdout)
        let finals = records.filter { $0["environment"] as? String == "prod" && $0["result"] as? String == "completed" }
        XCTAssertEqual(finals.map { $0["action"] as? String }, ["promote", "rollback"], json.stdout)
        XCTAssertTrue((finals.first?["new_digest"] as? String)?.hasPrefix("sha256:\(promoted)") == true, json.stdout)
        XCTAssertTrue((finals.last?["new_digest"] as? String)?.hasPrefix("sha256:\(restored)") == true, json.stdout)

        let table = try ECSDashProcess.run(["history", "--demo", "frontend", "--env", "prod"], environment: environment)
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.contains("promote prod/frontend") && table.stdout.contains("rollback prod/frontend"), table.stdout)
        let none = try ECSDashProcess.run(["history", "--demo", "backend"], environment: environment)
        XCTAssertEqual(none.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "no actions recorded", none.stdout)
    }

    /// The short digest in a matrix cell (`prod→137cea7`) on the service's row.
    static func digest(in screen: String, service: String, environment: String) -> String? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains(" \(service) ") || $0.contains("▸\(service) ") }),
              let range = line.range(of: "\(environment)→") else { return nil }
        return String(line[range.upperBound...].prefix(7))
    }

    func testNotATerminalPointsToStatus() throws {
        let result = try ECSDashProcess.run(["--demo"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("ecsdash status"), result.stderr)
    }

    func testDashboardOnTheMotoWorld() throws {
        let world = try MotoWorld.load()
        let config = try world.writeConfig()
        let (tmux, stty) = try dashboard("--config \(config.path)", environment: world.keys(of: "ci"))
        let prodFrontend = StatusTableDigest.short(world.registry.repositories["myapp-frontend"]!.tags["prod"]!)
        let screen = tmux.waitFor(timeout: 30) { $0.contains("prod→\(prodFrontend)") }
        XCTAssertTrue(screen.matched, "the matrix shows moto's prod digest \(prodFrontend):\n\(screen.screen)")
        XCTAssertTrue(screen.screen.contains("2/2"), screen.screen)
        try tmux.send("Enter")
        XCTAssertTrue(tmux.waitFor("backend · dev").matched)
        try tmux.send("q")
        assertTerminalRestored(tmux, stty)
    }
}
