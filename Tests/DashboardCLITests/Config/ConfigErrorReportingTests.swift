@testable import DashboardCLI
@testable import DashboardEngine
@testable import DashboardModel
@testable import DashboardViews
@testable import FleetSimulator
import Foundation
import TestSupport
import XCTest

/// How config and theme errors show what is in the file: invisible characters escaped, quotes capped, one line.
final class ConfigErrorReportingTests: XCTestCase {
    func error(_ text: String) -> String {
        do {
            _ = try ConfigParser(file: "test.yaml").parse(text)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testInvisibleCharactersInKeysAreShownEscaped() {
        XCTAssertEqual(error("region: eu-west-1\nre\u{FEFF}fresh: 5s\n" + ConfigFixtures.minimal),
                       "test.yaml:2:1: re\\u{FEFF}fresh: unknown key (did you mean `refresh`?)")
        XCTAssertEqual(error("refresh\u{200B}: 5s\n" + ConfigFixtures.minimal),
                       "test.yaml:1:1: refresh\\u{200B}: unknown key (did you mean `refresh`?)")
        XCTAssertEqual(error("\"re\\tfresh\": 5s\n" + ConfigFixtures.minimal),
                       "test.yaml:1:1: re\\tfresh: unknown key (did you mean `refresh`?)")
    }

    func testInvisibleCharactersInValuesAreShownEscaped() {
        XCTAssertEqual(error("region: \"eu-west-1\\u00A0\"\n" + ConfigFixtures.minimal),
                       "test.yaml:1:9: region: `eu-west-1\\u{00A0}` is not an AWS region (like eu-west-1)")
    }

    func testAQuotedValueIsCapped() {
        let long = String(repeating: "x", count: 100_000)
        let message = error("region: \(long)\n" + ConfigFixtures.minimal)
        XCTAssertEqual(message, "test.yaml:1:9: region: `\(String(repeating: "x", count: 60))…` is not an AWS region (like eu-west-1)")
        let block = error("environments:\n  - name: |\n" + String(repeating: "      line\n", count: 10_000) + "    account: \"222222222222\"\n    cluster: c\n")
        XCTAssertLessThan(block.count, 200, block)
        XCTAssertFalse(block.contains("\n"), block)
    }

    /// Found by fuzzing the duration parser: 60 invisible characters escaped came to 480.
    func testTheCapCountsEscapesAsWritten() {
        let zeroWidth = String(repeating: "\u{200B}", count: 1_000)
        XCTAssertEqual(VisibleText.quoted(zeroWidth), "`" + String(repeating: "\\u{200B}", count: 7) + "…`")
        let bells = String(repeating: "\u{7}", count: 1_000)
        XCTAssertEqual(Duration.Problem.malformed.message(for: bells + "s"), "`" + String(repeating: "\\u{0007}", count: 7) + "…` is not a duration (like 10s, 2m, 1h30m)")
    }

    func testAHugeUnknownKeyIsCapped() {
        // libyaml allows 1024 characters in a simple key; an explicit `?` key has no limit.
        let key = String(repeating: "k", count: 1_000_000)
        let message = error("? \(key)\n: 1\n" + ConfigFixtures.minimal)
        XCTAssertEqual(message, "test.yaml:1:3: \(String(repeating: "k", count: 120))…: unknown key")
    }

    func testThemeErrorsQuoteTheSameWay() {
        XCTAssertThrowsError(try ThemeParser(file: "t.yaml").parse("roles:\n  header:\n    fg: \"red\u{200D}\"\n", name: "t")) { error in
            XCTAssertEqual("\(error)", "t.yaml:3:9: roles.header.fg: `red\\u{200D}` is not a colour (a name, 0-255 or #rrggbb); did you mean `red`?")
        }
    }

    func testADuplicateKeyPointsAtTheDuplicate() {
        XCTAssertEqual(error("region: eu-west-1\nregion: eu-west-2\n" + ConfigFixtures.minimal),
                       "test.yaml:2:1: region: appears twice (first at line 1, column 1)")
        XCTAssertEqual(error(ConfigFixtures.minimal + "\n    cluster: again\n"),
                       "test.yaml:5:5: environments[0].cluster: appears twice (first at line 4, column 5)")
        XCTAssertEqual(error("environments:\n  - {name: dev, account: \"222222222222\", cluster: a}\n  - {name: sit, \"name\": x, cluster: b}\n"),
                       "test.yaml:3:17: environments[1].name: appears twice (first at line 3, column 6)")
    }

    func testRepeatedDuplicatesPointAtTheFirstRepeat() {
        XCTAssertEqual(error("theme: a\ntheme: b\ntheme: c\n" + ConfigFixtures.minimal),
                       "test.yaml:2:1: theme: appears twice (first at line 1, column 1)")
        XCTAssertEqual(error("theme: a\nregion: eu-west-1\ntheme: b\nregion: eu-west-2\n" + ConfigFixtures.minimal),
                       "test.yaml:4:1: region: appears twice (first at line 2, column 1)", "Yams reports the keys in sorted order")
    }

    func testADuplicateKeyErrorDoesNotEchoTheFile() {
        let filler = String(repeating: "# a comment line that makes the file large\n", count: 50_000)
        let message = error("region: eu-west-1\n" + filler + "region: eu-west-2\n" + ConfigFixtures.minimal)
        XCTAssertEqual(message, "test.yaml:50002:1: region: appears twice (first at line 1, column 1)")
        XCTAssertLessThan(message.count, 200)
    }

    func testAControlCharacterIsLocatedAndShownEscaped() {
        XCTAssertEqual(error("region: eu-west-1\nprofile: a\u{1}b\n"),
                       "test.yaml:2:11: YAML syntax: control characters are not allowed (\\u{0001})")
        XCTAssertEqual(error("region: eu-west-1\r\nprofile: \u{7F}\n"),
                       "test.yaml:2:10: YAML syntax: control characters are not allowed (\\u{007F})")
    }
}
