@testable import DashboardModel
@testable import DashboardViews
import XCTest

final class ThemeTests: XCTestCase {
    func testBuiltInsStyleEveryRole() {
        for theme in [Theme.default, Theme.mono] {
            XCTAssertEqual(Set(theme.roles.keys), Set(Theme.styledRoles), theme.name)
            XCTAssertFalse(Theme.styledRoles.contains(.accent))
        }
    }

    func testRoleStyleWithTheTextsEmphasisAdded() {
        let theme = Theme.default
        XCTAssertEqual(theme.style(for: .text), ThemeStyle())
        let ok = theme.style(for: TextStyle(role: .ok, bold: true, underline: true))
        XCTAssertEqual(ok, ThemeStyle(foreground: .indexed(2), bold: true, underline: true))
        // Emphasis only adds: a role that is bold stays bold when the text does not ask for it.
        XCTAssertTrue(theme.style(for: TextStyle(role: .warn)).bold)
        XCTAssertTrue(theme.style(for: .selection).reverse)
    }

    func testAccentsByEnvironment() {
        let theme = Theme.default
        let prod = ThemeStyle(foreground: .indexed(15), background: .indexed(1), bold: true)
        XCTAssertEqual(theme.style(for: .accent("prod")), prod)
        XCTAssertEqual(theme.style(for: .accent("PROD")), prod)
        XCTAssertEqual(theme.style(for: .accent("dev", bold: false)), ThemeStyle(foreground: .indexed(2)))
        XCTAssertEqual(theme.style(for: .accent("qa", bold: false)), theme.defaultAccent)
        XCTAssertEqual(theme.style(for: TextStyle(role: .accent)), theme.defaultAccent)
    }

    func testMonochromeDropsColours() {
        var theme = Theme.default
        theme.monochrome = true
        let prod = theme.style(for: .accent("prod"))
        XCTAssertEqual(prod.foreground, .terminalDefault)
        XCTAssertEqual(prod.background, .terminalDefault)
        XCTAssertTrue(prod.bold)
    }
}
