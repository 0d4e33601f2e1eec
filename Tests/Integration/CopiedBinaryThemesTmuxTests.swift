import Foundation
import TestSupport
import XCTest

/// The binary copied away from the checkout, started from a directory with no `themes/` in reach: every shipped
/// theme must still be there, at start-up and with `:theme`, because they are compiled in.
final class CopiedBinaryThemesTmuxTests: XCTestCase {
    var place: URL!

    override func setUpWithError() throws {
        place = Scratch.directory("copied")
        try FileManager.default.createDirectory(at: place.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: place.appendingPathComponent("home"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: place)
    }

    func testShippedThemesWorkFromACopiedBinary() throws {
        let source = ECSDashProcess.executable
        guard FileManager.default.isExecutableFile(atPath: source.path) else { throw Required.missing("ecsdash at \(source.path)", hint: "run swift build first") }
        let copy = place.appendingPathComponent("bin/ecsdash")
        try FileManager.default.copyItem(at: source, to: copy)
        let home = place.appendingPathComponent("home").path
        let command = "cd '\(home)' && '\(copy.path)' --demo --theme light; echo EXIT=$?; sleep 600"
        let tmux = try TmuxSession.forTest(command, environment: ["HOME": home, "XDG_CONFIG_HOME": home, "XDG_STATE_HOME": home])

        var screen = tmux.waitFor { ($0.contains("PROD") && $0.contains("prod→")) || $0.contains("EXIT=") }
        XCTAssertTrue(screen.screen.contains("prod→"), "--theme light from a copied binary:\n\(screen.screen)")

        // Every shipped theme by name, then back to the first; each switch is confirmed on the status line.
        for name in ["default", "high-contrast", "mono", "solarized-dark", "light"] {
            try tmux.send(":")
            try tmux.type("theme \(name)")
            try tmux.send("Enter")
            screen = tmux.waitFor("theme \(name)")
            XCTAssertTrue(screen.matched, ":theme \(name) from a copied binary:\n\(screen.screen)")
        }

        try tmux.send("q")
        screen = tmux.waitFor("EXIT=")
        XCTAssertTrue(screen.screen.contains("EXIT=0"), screen.screen)
    }
}
