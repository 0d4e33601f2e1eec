@testable import DashboardCLI
@testable import DashboardEngine
@testable import DashboardModel
@testable import DashboardViews
import Foundation
import TestSupport
import XCTest

final class ThemeLoaderTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = Scratch.directory("ThemeLoaderTests")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes a file under the temporary root, creating its directories.
    func write(_ relativePath: String, _ text: String) throws {
        let file = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    let loader = ThemeLoader()
    let shipped = ["default", "high-contrast", "light", "mono", "solarized-dark"]

    var environment: [String: String] {
        ["XDG_CONFIG_HOME": root.appendingPathComponent("xdg").path, "HOME": root.appendingPathComponent("home").path]
    }

    /// The shipped themes come from the binary itself: no user themes, no `themes/` anywhere near.
    func testEveryShippedThemeLoadsWithNoFilesAnywhere() throws {
        XCTAssertEqual(loader.availableThemes(environment: environment), shipped)
        for name in shipped {
            XCTAssertEqual(try loader.load(name: name, environment: environment).name, name)
        }
        XCTAssertEqual(try loader.load(name: "default", environment: environment), Theme.default)
        XCTAssertEqual(try loader.load(name: "mono", environment: environment), Theme.mono)
    }

    func testUserThemesOverrideShippedOnes() throws {
        try write("xdg/ecsdash/themes/light.yaml", "description: Mine.\n")
        try write("xdg/ecsdash/themes/forest.yaml", "roles:\n  ok: { fg: 28 }\n")
        XCTAssertEqual(try loader.load(name: "light", environment: environment).description, "Mine.")
        XCTAssertEqual(try loader.load(name: "forest", environment: environment).style(of: .ok).foreground, .indexed(28))
        XCTAssertEqual(loader.availableThemes(environment: environment), (shipped + ["forest"]).sorted())
    }

    func testUserThemesDefaultToDotConfig() throws {
        try write("home/.config/ecsdash/themes/night.yaml", "description: Night.\n")
        let environment = ["HOME": root.appendingPathComponent("home").path]
        XCTAssertEqual(try loader.load(name: "night", environment: environment).description, "Night.")
    }

    func testNoColorForcesMono() throws {
        for value in ["1", ""] {
            var environment = self.environment
            environment["NO_COLOR"] = value
            let theme = try loader.load(name: "light", environment: environment)
            XCTAssertEqual(theme, Theme.mono)
        }
        // A user's own mono file is still the one NO_COLOR picks.
        try write("xdg/ecsdash/themes/mono.yaml", "monochrome: true\ndescription: My mono.\n")
        var environment = self.environment
        environment["NO_COLOR"] = "1"
        XCTAssertEqual(try loader.load(name: "default", environment: environment).description, "My mono.")
    }

    func testUnknownThemeListsTheAvailableOnes() throws {
        try write("xdg/ecsdash/themes/ocean.yaml", "description: Mine.\n")
        XCTAssertThrowsError(try loader.load(name: "oceen", environment: environment)) { error in
            let userDirectory = self.root.appendingPathComponent("xdg/ecsdash/themes").path
            XCTAssertEqual("\(error)", "theme: no theme named `oceen` (available: default, high-contrast, light, mono, ocean, solarized-dark); add your own as \(userDirectory)/oceen.yaml")
        }
    }

    func testNamesCannotLeaveTheThemesDirectory() {
        XCTAssertThrowsError(try loader.load(name: "../secret", environment: environment)) { error in
            XCTAssertEqual("\(error)", "theme: `../secret` is not a theme name (letters, digits, ., - and _)")
        }
    }

    func testABadFileNamesItsPathLineColumnAndKey() throws {
        try write("xdg/ecsdash/themes/broken.yaml", "name: broken\nroles:\n  warn:\n    fg: orang\n")
        XCTAssertThrowsError(try loader.load(name: "broken", environment: environment)) { error in
            let path = self.root.appendingPathComponent("xdg/ecsdash/themes/broken.yaml").path
            XCTAssertEqual("\(error)", "\(path):4:9: roles.warn.fg: `orang` is not a colour (a name, 0-255 or #rrggbb)")
        }
    }

    func testPathsUnderTheCurrentDirectoryAreShownRelative() {
        XCTAssertEqual(ThemeLoader.displayPath("/work/main/themes/x.yaml", currentDirectory: "/work/main"), "themes/x.yaml")
        XCTAssertEqual(ThemeLoader.displayPath("/work/main/themes/x.yaml", currentDirectory: "/work/main/"), "themes/x.yaml")
        XCTAssertEqual(ThemeLoader.displayPath("/work/mainly/x.yaml", currentDirectory: "/work/main"), "/work/mainly/x.yaml")
    }
}
