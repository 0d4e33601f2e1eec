@testable import DashboardModel
@testable import DashboardViews
import XCTest

final class ThemeParserTests: XCTestCase {
    func parse(_ text: String, name: String = "x") throws -> Theme {
        try ThemeParser(file: "themes/\(name).yaml").parse(text, name: name)
    }

    func error(_ text: String, name: String = "x") -> String {
        do {
            _ = try parse(text, name: name)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testOverlayKeepsDefaultsForWhatTheFileLeavesOut() throws {
        let theme = try parse("""
        description: Only warnings change.
        roles:
          warn: { fg: red }
        accents:
          qa: { fg: "#5f00af" }
        """)
        XCTAssertEqual(theme.name, "x")
        XCTAssertEqual(theme.description, "Only warnings change.")
        XCTAssertFalse(theme.monochrome)
        // The key given replaces; the role's other keys (bold) and every other role stay as in the default.
        XCTAssertEqual(theme.style(of: .warn), ThemeStyle(foreground: .indexed(1), bold: true))
        for role in Theme.styledRoles where role != .warn {
            XCTAssertEqual(theme.style(of: role), Theme.default.style(of: role), role.rawValue)
        }
        XCTAssertEqual(theme.accents["prod"], Theme.default.accents["prod"])
        XCTAssertEqual(theme.accents["qa"], ThemeStyle(foreground: .rgb(red: 0x5F, green: 0, blue: 0xAF)))
        XCTAssertEqual(theme.defaultAccent, Theme.default.defaultAccent)
    }

    func testEveryStyleKey() throws {
        let theme = try parse("""
        roles:
          header: { fg: 231, bg: "#000000", bold: no, underline: yes, reverse: true, dim: on }
        accents:
          default: { fg: bright-magenta }
        """)
        XCTAssertEqual(theme.style(of: .header), ThemeStyle(foreground: .indexed(231), background: .rgb(red: 0, green: 0, blue: 0),
                                                            bold: false, underline: true, reverse: true, dim: true))
        XCTAssertEqual(theme.defaultAccent, ThemeStyle(foreground: .indexed(13), bold: true))
    }

    func testMonochromeOverlaysTheBuiltInMono() throws {
        let theme = try parse("""
        monochrome: true
        roles:
          ok: { underline: true }
        """)
        XCTAssertTrue(theme.monochrome)
        XCTAssertEqual(theme.style(of: .ok), ThemeStyle(underline: true))
        XCTAssertEqual(theme.style(of: .error), Theme.mono.style(of: .error))
        XCTAssertEqual(theme.accents, Theme.mono.accents)
    }

    func testBadColourNamesFileLineColumnAndKey() {
        XCTAssertEqual(error("""
        name: x
        roles:
          warn:
            fg: orang
        """), "themes/x.yaml:4:9: roles.warn.fg: `orang` is not a colour (a name, 0-255 or #rrggbb)")
        XCTAssertEqual(error("roles:\n  ok: { fg: 256 }"), "themes/x.yaml:2:13: roles.ok.fg: `256` is not a colour (a name, 0-255 or #rrggbb)")
        XCTAssertEqual(error("accents:\n  dev: { bg: brightred }"),
                       "themes/x.yaml:2:14: accents.dev.bg: `brightred` is not a colour (a name, 0-255 or #rrggbb); did you mean `bright-red`?")
    }

    func testUnquotedHexGetsAHint() {
        XCTAssertEqual(error("roles:\n  ok:\n    fg: #00ff00\n"),
                       "themes/x.yaml:3:8: roles.ok.fg: is empty; quote hex colours (\"#ffaf00\") because an unquoted # starts a comment")
    }

    func testUnknownKeysAreRejectedWithASuggestion() {
        XCTAssertEqual(error("roles:\n  in-progress: { bold: true }"), "themes/x.yaml:2:3: roles.in-progress: unknown key (did you mean `in_progress`?)")
        XCTAssertEqual(error("roles:\n  ok: { fgg: red }"), "themes/x.yaml:2:9: roles.ok.fgg: unknown key (did you mean `fg`?)")
        XCTAssertEqual(error("role:\n  ok: {}"), "themes/x.yaml:1:1: role: unknown key (did you mean `roles`?)")
        XCTAssertEqual(error("roles:\n  accent: { bold: true }"), "themes/x.yaml:2:3: roles.accent: unknown key")
    }

    func testOtherMistakes() {
        XCTAssertEqual(error("monochrome: true\nroles:\n  ok: { fg: green }"),
                       "themes/x.yaml:3:13: roles.ok.fg: a monochrome theme has no colours; remove `fg` or set `monochrome: false`")
        XCTAssertEqual(error("name: other"), "themes/x.yaml:1:7: name: is `other` but the file is `x.yaml`; make them match or remove `name`")
        XCTAssertEqual(error("roles:\n  ok: { bold: maybe }"), "themes/x.yaml:2:15: roles.ok.bold: expected true or false")
        XCTAssertEqual(error("roles:\n  ok: red"), "themes/x.yaml:2:7: roles.ok: expected a mapping of keys to values, found the value `red`")
        XCTAssertEqual(error("accents:\n  \"pr od\": { bold: true }"),
                       "themes/x.yaml:2:3: accents.pr od: `pr od` is not an environment name (letters, digits, - and _)")
        XCTAssertEqual(error(""), "themes/x.yaml: the file is empty; see themes/default.yaml for every key")
        XCTAssertTrue(error("roles: [").hasPrefix("themes/x.yaml:"), error("roles: ["))
        XCTAssertTrue(error("roles: [").contains("YAML syntax"))
    }
}
