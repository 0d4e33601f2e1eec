import Foundation
import TestSupport
import XCTest

/// `t`, `D` and `/` in a real terminal on the demo fleet.
extension DashboardTmuxTests {
    func testDemoTaskDefinitionPaneDiffAndSearch() throws {
        let (tmux, stty) = try dashboard("--demo")
        var screen = tmux.waitFor { $0.contains("PROD") && $0.contains("▸backend") && $0.contains("prod→") }
        XCTAssertTrue(screen.matched, screen.screen)

        try tmux.send("j", "l", "l", "l", "t")
        screen = tmux.waitFor(all: ["Task definition · frontend · prod", "prod-frontend:", "DB_PASSWORD ← arn:aws:secretsmanager:", "APP_ENV=prod"])
        XCTAssertTrue(screen.matched, screen.screen)
        XCTAssertTrue(screen.screen.contains("registered  20"), "a date, not epoch seconds:\n\(screen.screen)")

        try tmux.send("D")
        screen = tmux.waitFor(all: ["diff uat → prod", "a promotion would change (1)", "frontend environment.APP_ENV: uat → prod"])
        XCTAssertTrue(screen.matched, screen.screen)

        try tmux.send("D", "/")
        try tmux.type("log_level")
        screen = tmux.waitFor { $0.contains("LOG_LEVEL=info") && !$0.contains("APP_ENV=prod") && $0.contains("search “log_level”") }
        XCTAssertTrue(screen.matched, screen.screen)

        try tmux.send("Escape", "Escape")
        screen = tmux.waitFor { $0.contains(" Matrix") && !$0.contains("LOG_LEVEL") }
        XCTAssertTrue(screen.matched, screen.screen)
        try tmux.send("q")
        XCTAssertEqual(assertTerminalRestored(tmux, stty), 0, tmux.capture())
    }
}
