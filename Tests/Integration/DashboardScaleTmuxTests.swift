import Foundation
import TestSupport
import XCTest

/// `s` in the demo dashboard in a real terminal: the count on the command line, the plan and prompt in the Actions
/// pane, the watch to the count, the matrix after it, and the auto scaling bounds refusing a count above the max.
extension DashboardTmuxTests {
    func testScaleFromTheMatrixIsAskedPlannedConfirmedWatchedAndBounded() throws {
        let state = stateDirectory()
        let (tmux, stty) = try dashboard("--demo", width: 130, height: 36, environment: ["XDG_STATE_HOME": state.path])
        // The cursor starts on backend in dev, which the demo gives an auto scaling target of min 1, max 4.
        var screen = tmux.waitFor { $0.contains("▸backend") && $0.contains("dev→") && $0.contains("2/2") }
        XCTAssertTrue(screen.matched, screen.screen)

        try tmux.send("s")
        screen = tmux.waitFor(":scale backend --env dev --count ▏")
        XCTAssertTrue(screen.matched, "s asks for the count on the command line:\n\(screen.screen)")
        try tmux.type("3")
        try tmux.send("Enter")
        screen = tmux.waitFor(timeout: 120) {
            $0.contains("scale backend in dev: desired 2 → 3 (auto scaling: min 1, max 4)")
                && $0.contains("1. ECS UpdateService app-dev/backend desiredCount=3")
                && $0.contains("✓ auto scaling bounds: 3 is within min 1, max 4") && $0.contains("Continue? [y/N]")
        }
        XCTAssertTrue(screen.matched, "the plan, the gate and the question:\n\(screen.screen)")
        try tmux.type("y")
        try tmux.send("Enter")
        screen = tmux.waitFor(timeout: 180) { $0.contains("scale backend in dev to 3: 3 running") }
        XCTAssertTrue(screen.matched, "watched until the count runs:\n\(screen.screen)")

        try tmux.send("Escape")
        screen = tmux.waitFor { $0.contains("▸backend") && $0.contains("3/3") }
        XCTAssertTrue(screen.matched, "the matrix shows the new count:\n\(screen.screen)")

        try tmux.send("s")
        screen = tmux.waitFor(":scale backend --env dev --count ▏")
        XCTAssertTrue(screen.matched, screen.screen)
        try tmux.type("9")
        try tmux.send("Enter")
        // The failed gate offers an override (a reason, audited); Esc declines it, and the scale is refused.
        screen = tmux.waitFor(timeout: 120) { $0.contains("9 is above the max 4 of service/app-dev/backend") && $0.contains("Type a reason to override") }
        XCTAssertTrue(screen.matched, "a count above the max fails its gate, which can be overridden with a reason:\n\(screen.screen)")
        try tmux.send("Escape")
        screen = tmux.waitFor(timeout: 60) { $0.contains("blocked by gate(s): auto scaling bounds (9 is above the max 4 of service/app-dev/backend") }
        XCTAssertTrue(screen.matched, "declined, the scale is refused:\n\(screen.screen)")
        XCTAssertFalse(screen.screen.contains("Continue? [y/N]"), "refused before the confirmation is asked:\n\(screen.screen)")

        try tmux.send("q")
        XCTAssertEqual(assertTerminalRestored(tmux, stty), 0, tmux.capture())
        let audit = try String(contentsOf: state.appendingPathComponent("ecsdash/audit.jsonl"), encoding: .utf8)
        let steps = audit.split(separator: "\n").filter { $0.contains("\"action\":\"scale\"") }
        XCTAssertEqual(steps.count, 3, "plan, UpdateService, watch; the refused scale wrote nothing:\n\(audit)")
        XCTAssertTrue(steps.allSatisfy { $0.contains("\"new_count\":3") && $0.contains("\"old_count\":2") }, audit)
    }
}
