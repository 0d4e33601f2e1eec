import Foundation
import TestSupport
import XCTest

/// The dashboard in a real terminal (tmux), on the embedded demo fleet and on the moto world.
final class DashboardTmuxTests: XCTestCase {
    var binary: String { ECSDashProcess.executable.path }
    /// Each test's own XDG_STATE_HOME (audit log, demo world), removed afterwards: `--demo` keeps its world there,
    /// and tests must neither share one nor leave one in the runner's home.
    var stateDirectories: [URL] = []

    override func tearDownWithError() throws {
        for directory in stateDirectories { try? FileManager.default.removeItem(at: directory) }
        stateDirectories = []
    }

    /// A fresh state directory for this test, removed in tearDown.
    func stateDirectory() -> URL {
        let directory = Scratch.directory("state")
        stateDirectories.append(directory)
        return directory
    }

    /// Runs the dashboard, then records how it exited and the terminal settings after it, so tests can check they
    /// were restored. The settings go to a side file renamed into place, so once the file is there it is whole; the
    /// shell then sleeps to keep the pane readable until the session is killed.
    func dashboard(_ arguments: String, width: Int = 120, height: Int = 36, environment: [String: String] = [:]) throws -> (TmuxSession, URL) {
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw Required.missing("ecsdash at \(binary)", hint: "run swift build first") }
        let stty = Scratch.file("stty")
        let command = "\(binary) \(arguments); echo EXIT=$?; stty -a > \(stty.path).part; mv \(stty.path).part \(stty.path); sleep 600"
        var environment = environment
        if environment["XDG_STATE_HOME"] == nil { environment["XDG_STATE_HOME"] = stateDirectory().path }
        let session = try TmuxSession.forTest(command, width: width, height: height, environment: environment)
        return (session, stty)
    }

    /// Waits for ecsdash to exit and the terminal settings to be written; returns the exit status the shell printed.
    @discardableResult
    func assertTerminalRestored(_ session: TmuxSession, _ stty: URL, file: StaticString = #filePath, line: UInt = #line) -> Int32? {
        let exited = session.waitForValue { Self.exitStatus(in: $0) }
        XCTAssertNotNil(exited.value, "ecsdash did not exit:\n\(exited.screen)", file: file, line: line)
        let settings = waitForFile(stty)
        XCTAssertTrue(settings.contains(" icanon") && settings.contains(" echo"), "terminal left in raw mode:\n\(settings)", file: file, line: line)
        return exited.value
    }

    /// The file's text once it exists and is not empty, or "" after `timeout` (which only bounds a hang).
    func waitForFile(_ url: URL, timeout: TimeInterval = TmuxSession.defaultTimeout) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let text = try? String(contentsOf: url, encoding: .utf8), !text.isEmpty { return text }
            guard Date() < deadline else { return "" }
            usleep(50_000)
        }
    }

    /// The status in the `EXIT=n` line the shell prints once ecsdash has ended.
    static func exitStatus(in screen: String) -> Int32? {
        for line in screen.split(separator: "\n") {
            guard let range = line.range(of: "EXIT=") else { continue }
            let digits = line[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            if let status = Int32(digits) { return status }
        }
        return nil
    }

    /// Every wait below covers all that the test then reads off the screen: tmux can show a frame half-redrawn,
    /// so one string being there says nothing about the rest. Keys that act on a view are sent once it shows.
    func testDemoNavigationPanesFilterHelpResizeAndQuit() throws {
        let (tmux, stty) = try dashboard("--demo")
        var screen = tmux.waitFor { $0.contains("PROD") && $0.contains("▸backend") && $0.contains("frontend") && $0.contains("prod→") }
        XCTAssertTrue(screen.matched, "the matrix, the cursor on the first service:\n\(screen.screen)")

        try tmux.send("j")
        screen = tmux.waitFor("▸frontend")
        XCTAssertTrue(screen.matched, screen.screen)
        try tmux.send("l", "Enter")
        screen = tmux.waitFor(all: ["sit › frontend", "Deployments", "Tasks"])
        XCTAssertTrue(screen.matched, screen.screen)

        try tmux.send("L")
        screen = tmux.waitFor { $0.contains("Logs · frontend") && $0.contains("INFO") }
        XCTAssertTrue(screen.matched, screen.screen)
        try tmux.send("Escape")
        screen = tmux.waitFor { $0.contains("sit › frontend") && !$0.contains("Logs · frontend") }
        XCTAssertTrue(screen.matched, "back in the service view:\n\(screen.screen)")
        try tmux.send("d")
        screen = tmux.waitFor { $0.contains("Describe") && $0.contains("\"tasks\"") }
        XCTAssertTrue(screen.matched, screen.screen)
        try tmux.send("Escape", "Escape")
        screen = tmux.waitFor { $0.contains(" Matrix") && $0.contains("prod→") && !$0.contains("\"tasks\"") }
        XCTAssertTrue(screen.matched, screen.screen)

        try tmux.send("?")
        screen = tmux.waitFor("force new deployment")
        XCTAssertTrue(screen.matched, screen.screen)
        try tmux.send("Escape")
        screen = tmux.waitFor { $0.contains(" Matrix") && !$0.contains("force new deployment") }
        XCTAssertTrue(screen.matched, "help closed:\n\(screen.screen)")

        try tmux.send("/")
        try tmux.type("pay")
        screen = tmux.waitFor { $0.contains("payments") && !$0.contains("frontend") && $0.contains("/pay") }
        XCTAssertTrue(screen.matched, screen.screen)
        try tmux.send("Escape")
        screen = tmux.waitFor { $0.contains("frontend") && $0.contains("payments") && !$0.contains("/pay") }
        XCTAssertTrue(screen.matched, screen.screen)

        try tmux.send(":")
        try tmux.type("env dev,prod")
        try tmux.send("Enter")
        screen = tmux.waitFor { $0.contains("showing dev, prod") && $0.contains("dev→") && $0.contains("prod→") && !$0.contains("uat→") }
        XCTAssertTrue(screen.matched, "only dev and prod columns:\n\(screen.screen)")

        try tmux.resize(width: 70, height: 20)
        screen = tmux.waitFor("Terminal too small")
        XCTAssertTrue(screen.matched, screen.screen)
        try tmux.resize(width: 120, height: 36)
        screen = tmux.waitFor { $0.contains(" Matrix") && $0.contains("prod→") && !$0.contains("too small") }
        XCTAssertTrue(screen.matched, screen.screen)

        try tmux.send("q")
        XCTAssertEqual(assertTerminalRestored(tmux, stty), 0, tmux.capture())
    }

    func testCtrlCAndSIGTERMRestoreTheTerminal() throws {
        let (first, firstStty) = try dashboard("--demo")
        var screen = first.waitFor { $0.contains("PROD") }
        XCTAssertTrue(screen.matched, screen.screen)
        try first.send("C-c")
        assertTerminalRestored(first, firstStty)

        let (second, secondStty) = try dashboard("--demo")
        screen = second.waitFor { $0.contains("PROD") }
        XCTAssertTrue(screen.matched, screen.screen)
        let pids = try second.programPids()
        XCTAssertEqual(pids.count, 1, "one ecsdash under the pane's shell")
        for pid in pids { kill(pid, SIGTERM) }
        assertTerminalRestored(second, secondStty)
    }

    func testPromoteFromTheMatrixThenRollBack() throws {
        let state = stateDirectory()
        let (tmux, stty) = try dashboard("--demo", width: 130, height: 36, environment: ["XDG_STATE_HOME": state.path])
        // Both digests, parsed (a cell shows `?` until the registry's first poll lands), and the same on two
        // captures in a row.
        let first = tmux.waitForValue { screen -> [String]? in
            guard let uat = Self.digest(in: screen, service: "frontend", environment: "uat"),
                  let prod = Self.digest(in: screen, service: "frontend", environment: "prod") else { return nil }
            return [uat, prod]
        }
        let digests = try XCTUnwrap(first.value, "the frontend row never showed both digests:\n\(first.screen)")
        let (uatDigest, prodDigest) = (digests[0], digests[1])
        XCTAssertNotEqual(uatDigest, prodDigest, "the demo has something to promote")

        try tmux.send("j", "l", "l", "p")
        // Reading the plan and gates takes a few polls' worth of calls: slow on a loaded machine.
        var screen = tmux.waitFor(timeout: 120) { $0.contains("Type its name") && $0.contains("ECR PutImage myapp-frontend:prod → sha256:\(uatDigest)") }
        XCTAssertTrue(screen.matched, "prod is protected, so its name must be typed, under the plan:\n\(screen.screen)")
        try tmux.type("prod")
        try tmux.send("Enter")
        // The action's own outcome line, not a rollout progress line: only then is its last step audited.
        screen = tmux.waitFor(timeout: 180) { $0.contains("promote frontend uat → prod: deployment COMPLETED") }
        XCTAssertTrue(screen.matched, screen.screen)
        try tmux.send("Escape")
        screen = tmux.waitFor { Self.digest(in: $0, service: "frontend", environment: "prod") == uatDigest }
        XCTAssertTrue(screen.matched, "the prod cell now shows uat's digest:\n\(screen.screen)")

        // r opens the builds prod can go back to; the first, prod-previous, is what it ran before the promotion.
        try tmux.send("l", "r")
        screen = tmux.waitFor(timeout: 120) {
            $0.contains("Roll back frontend · prod to") && $0.contains("▸") && $0.contains("prod-previous") && $0.contains(String(prodDigest.prefix(7)))
        }
        XCTAssertTrue(screen.matched, "the chooser lists prod-previous first:\n\(screen.screen)")
        try tmux.send("Enter")
        screen = tmux.waitFor(timeout: 120) {
            $0.contains("Type its name") && $0.contains("prod goes back to") && $0.contains("ECR PutImage myapp-frontend:prod → sha256:\(prodDigest)")
        }
        XCTAssertTrue(screen.matched, screen.screen)
        try tmux.type("prod")
        try tmux.send("Enter")
        screen = tmux.waitFor(timeout: 180) { $0.contains("rollback frontend in prod to sha256:\(prodDigest)") && $0.contains(": deployment COMPLETED") }
        XCTAssertTrue(screen.matched, screen.screen)
        try tmux.send("Escape")
        screen = tmux.waitFor { Self.digest(in: $0, service: "frontend", environment: "prod") == prodDigest }
        XCTAssertTrue(screen.matched, "rollback put the old digest back:\n\(screen.screen)")
        try tmux.send("q")
        XCTAssertEqual(assertTerminalRestored(tmux, stty), 0, tmux.capture())
        let audit = try String(contentsOf: state.appendingPathComponent("ecsdash/audit.jsonl"), encoding: .utf8)
        XCTAssertTrue(audit.contains("\"promote\"") && audit.contains("\"rollback\""), audit)
        try assertHistoryShows(promotedTo: uatDigest, rolledBackTo: prodDigest, state: state)
        // The dashboard saved its world on the way out: the next --demo command carries on from both actions.
        let world = try String(contentsOf: state.appendingPathComponent("ecsdash/demo-world.json"), encoding: .utf8)
        XCTAssertEqual(world.components(separatedBy: "\"operation\":\"UpdateService\"").count - 1, 2, world)
        let status = try ECSDashProcess.run(["status", "--demo", "--env", "prod"], environment: ["XDG_STATE_HOME": state.path])
        XCTAssertTrue(status.stdout.contains("prod→\(prodDigest)"), status.stdout)
    }

    /// Quitting while an action watches its deployment still leaves the action's last step in the audit log.
    func testQuittingDuringAWatchRecordsItInterrupted() throws {
        let state = stateDirectory()
        let (tmux, stty) = try dashboard("--demo", width: 130, height: 36, environment: ["XDG_STATE_HOME": state.path])
        let first = tmux.waitFor { $0.contains("▸backend") && $0.contains("frontend") && $0.contains("prod→") }
        XCTAssertTrue(first.matched, first.screen)
        try tmux.send("j", "l", "l", "p")
        let asked = tmux.waitFor(timeout: 120) { $0.contains("Type its name") && $0.contains("promote frontend: uat → prod") }
        XCTAssertTrue(asked.matched, asked.screen)
        try tmux.type("prod")
        try tmux.send("Enter")
        let watching = tmux.waitFor(timeout: 120) { $0.contains("watching frontend in prod") }
        XCTAssertTrue(watching.matched, watching.screen)
        try tmux.send("Escape")
        try tmux.send("q")
        let asked2 = tmux.waitFor { $0.contains("an action is still watching prod/frontend — quit anyway?") }
        XCTAssertTrue(asked2.matched, "quitting mid-watch asks first:\n\(asked2.screen)")
        try tmux.send("y")
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

    /// The short digest in a matrix cell (`prod→137cea7`) on the service's row: seven hex digits and then no more,
    /// so neither a cell still showing `?` nor one drawn half-way reads as a digest.
    static func digest(in screen: String, service: String, environment: String) -> String? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains(" \(service) ") || $0.contains("▸\(service) ") }),
              let range = line.range(of: "\(environment)→") else { return nil }
        let rest = line[range.upperBound...]
        let digest = rest.prefix(7)
        guard digest.count == 7, digest.allSatisfy(\.isHexDigit), rest.dropFirst(7).first.map({ !$0.isHexDigit }) ?? true else { return nil }
        return String(digest)
    }

    /// What the promote test reads its digests with: a cell still showing `?` (before the registry's first poll),
    /// or one drawn half-way, is no digest. Reading `prefix(7)` of `?` as one is how that test once went wrong.
    func testAMatrixCellIsReadAsADigestOnlyWhenWhole() {
        let row = " frontend   dev→f5e9bfe                sit→f5e9bfe                uat→439cb03 ◆              prod→"
        XCTAssertEqual(Self.digest(in: row + "137cea7 ◆", service: "frontend", environment: "uat"), "439cb03")
        XCTAssertEqual(Self.digest(in: row + "137cea7", service: "frontend", environment: "prod"), "137cea7")
        XCTAssertNil(Self.digest(in: row + "?", service: "frontend", environment: "prod"))
        XCTAssertNil(Self.digest(in: row + "137c   ", service: "frontend", environment: "prod"), "half-drawn")
        XCTAssertNil(Self.digest(in: row + "137cea7055a1", service: "frontend", environment: "prod"), "not a matrix cell")
        XCTAssertNil(Self.digest(in: row + "137cea7", service: "backend", environment: "prod"), "another row")
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
        var screen = tmux.waitFor { $0.contains("prod→\(prodFrontend)") && $0.contains("2/2") }
        XCTAssertTrue(screen.matched, "the matrix shows moto's prod digest \(prodFrontend) and its running count:\n\(screen.screen)")
        try tmux.send("Enter")
        screen = tmux.waitFor("dev › backend")
        XCTAssertTrue(screen.matched, screen.screen)
        try tmux.send("q")
        XCTAssertEqual(assertTerminalRestored(tmux, stty), 0, tmux.capture())
    }
}
