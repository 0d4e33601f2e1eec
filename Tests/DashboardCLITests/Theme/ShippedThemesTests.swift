@testable import DashboardCLI
@testable import DashboardModel
@testable import DashboardViews
import Foundation
import XCTest

/// Checks the shipped themes: the files in the repository's `themes/`, and the copy compiled into the binary.
final class ShippedThemesTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let themesDirectory = repository.appendingPathComponent("themes", isDirectory: true)

    /// A loader that sees only the shipped themes (no user themes).
    let loader = ThemeLoader()
    let environment = ["XDG_CONFIG_HOME": "/nonexistent-ecsdash-test", "HOME": "/nonexistent-ecsdash-test"]

    func shippedThemes() throws -> [Theme] {
        let names = ThemeLoader.themeNames(in: Self.themesDirectory).sorted()
        XCTAssertFalse(names.isEmpty)
        return try names.map { try loader.load(name: $0, environment: environment) }
    }

    /// The binary's copy is the files byte for byte; after editing a theme, run scripts/embed-themes.
    func testTheCompiledInCopyIsTheFiles() throws {
        var files: [String: String] = [:]
        for name in ThemeLoader.themeNames(in: Self.themesDirectory) {
            files[name] = try String(contentsOf: Self.themesDirectory.appendingPathComponent("\(name).yaml"), encoding: .utf8)
        }
        XCTAssertEqual(Set(ShippedThemeFiles.texts.keys), Set(files.keys), "run scripts/embed-themes")
        for (name, text) in files {
            XCTAssertEqual(ShippedThemeFiles.texts[name], text, "\(name).yaml differs from the compiled-in copy: run scripts/embed-themes")
        }
    }

    func testTheRequiredThemesShipAndAllLoad() throws {
        let names = try shippedThemes().map(\.name)
        XCTAssertTrue(Set(["default", "light", "high-contrast", "mono", "solarized-dark"]).isSubset(of: Set(names)), "\(names)")
        XCTAssertEqual(loader.availableThemes(environment: environment), names)
    }

    func testEveryThemeHasADescriptionAndStylesEveryRole() throws {
        for theme in try shippedThemes() {
            XCTAssertFalse(theme.description.isEmpty, theme.name)
            XCTAssertEqual(Set(theme.roles.keys), Set(Theme.styledRoles), theme.name)
        }
    }

    /// The files are the readable copy of the built-ins, so the two must not drift apart.
    func testDefaultAndMonoFilesMatchTheBuiltIns() throws {
        XCTAssertEqual(try loader.load(name: "default", environment: environment), Theme.default)
        XCTAssertEqual(try loader.load(name: "mono", environment: environment), Theme.mono)
    }

    func testMonoHasNoColourAtAll() throws {
        let mono = try loader.load(name: "mono", environment: environment)
        XCTAssertTrue(mono.monochrome)
        let styles = Array(mono.roles.values) + Array(mono.accents.values) + [mono.defaultAccent]
        for style in styles {
            XCTAssertEqual(style.foreground, .terminalDefault)
            XCTAssertEqual(style.background, .terminalDefault)
        }
    }

    func testProdStandsOutInEveryTheme() throws {
        for theme in try shippedThemes() {
            let prod = theme.style(for: .accent("prod"))
            XCTAssertTrue(prod.bold || prod.reverse, theme.name)
            // Reverse video or a background of its own makes a block, not just a coloured word.
            XCTAssertTrue(prod.reverse || prod.background != .terminalDefault, theme.name)
            let others = theme.accents.filter { $0.key != "prod" }.map { theme.style(for: .accent($0.key)) } + [theme.style(for: .accent("other"))]
            for other in others {
                XCTAssertNotEqual(prod, other, theme.name)
            }
        }
    }

    func testTheStandardEnvironmentsHaveDistinctAccentsInColourThemes() throws {
        for theme in try shippedThemes() where !theme.monochrome {
            let styles = ["dev", "sit", "uat", "prod"].map { theme.style(for: .accent($0)) }
            XCTAssertEqual(Set(styles).count, 4, theme.name)
        }
    }

    /// Degrading must never leave text the same colour as its own background.
    func testTextStaysVisibleAt8And16Colours() throws {
        for theme in try shippedThemes() {
            let styles = theme.roles.map { ($0.key.rawValue, $0.value) } + theme.accents.map { ("accent \($0.key)", $0.value) }
            for (label, style) in styles where style.background != .terminalDefault && style.foreground != .terminalDefault {
                for colors in [8, 16, 256] {
                    XCTAssertNotEqual(style.foreground.cursesNumber(colors: colors), style.background.cursesNumber(colors: colors),
                                      "\(theme.name) \(label) at \(colors) colours")
                }
            }
        }
    }
}
