import Foundation
import TestSupport
import XCTest

extension DashboardTmuxTests {
    /// payments' uat build was rolled back by the circuit breaker: promoting it shows the failed gates, asks for a
    /// reason, and the reason typed in the dashboard is audited as the override, as `--force --reason` is.
    func testAGateOverrideTypedInTheDashboardIsAudited() throws {
        let state = stateDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        let (tmux, stty) = try dashboard("--demo", width: 140, height: 40, environment: ["XDG_STATE_HOME": state.path])
        XCTAssertTrue(tmux.waitFor { $0.contains("payments") && $0.contains("prod→") }.matched, tmux.capture())
        try tmux.send("/")
        try tmux.type("payments")
        try tmux.send("Enter")
        XCTAssertTrue(tmux.waitFor { $0.contains("▸payments") && !$0.contains("frontend") }.matched, tmux.capture())
        try tmux.send("l", "l", "p")
        var screen = tmux.waitFor(timeout: 120) {
            $0.contains("✗ source runs it") && $0.contains("gate(s) failed:") && $0.contains("Type a reason to override")
        }
        XCTAssertTrue(screen.matched, "the failed gates, then the question:\n\(screen.screen)")
        try tmux.type("INC-99 approved by the release manager")
        try tmux.send("Enter")
        screen = tmux.waitFor(timeout: 120) { $0.contains("overriding failed gate(s)") && $0.contains("Type its name") }
        XCTAssertTrue(screen.matched, screen.screen)
        try tmux.type("prod")
        try tmux.send("Enter")
        screen = tmux.waitFor(timeout: 180) { $0.contains("✓ 3/3 ECS UpdateService app-prod/payments") }
        XCTAssertTrue(screen.matched, "the override let the promotion through:\n\(screen.screen)")
        try tmux.send("Escape")
        try tmux.send("q")
        // The bad build may still be rolling out: then quitting asks first.
        if tmux.waitFor(timeout: 10, { $0.contains("quit anyway?") || $0.contains("EXIT=") }).screen.contains("quit anyway?") { try tmux.send("y") }
        assertTerminalRestored(tmux, stty)
        let audit = try String(contentsOf: state.appendingPathComponent("ecsdash/audit.jsonl"), encoding: .utf8)
        let records = try audit.split(separator: "\n").map { try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let promoteRecords = records.filter { $0["action"] as? String == "promote" && $0["service"] as? String == "payments" }
        XCTAssertFalse(promoteRecords.isEmpty, audit)
        for record in promoteRecords {
            XCTAssertEqual(record["reason"] as? String, "INC-99 approved by the release manager", audit)
            let overrides = record["overrides"] as? [String] ?? []
            XCTAssertTrue(overrides.contains("source runs it") && overrides.contains("source deployment"), "\(overrides)")
        }
    }
}
