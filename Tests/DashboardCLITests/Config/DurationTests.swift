import ArgumentParser
@testable import DashboardCLI
@testable import DashboardEngine
@testable import DashboardModel
@testable import DashboardViews
import Foundation
import TestSupport
import XCTest

/// Durations from the config, `:refresh` and `--wait-timeout`: out-of-range values are errors, never traps.
final class DurationTests: XCTestCase {
    func testOutOfRangeValuesAreRefusedWithAReason() {
        XCTAssertEqual(Duration.parse("1e400"), .failure(.tooLong), "infinite once parsed")
        XCTAssertEqual(Duration.parse("99999999999999999999d"), .failure(.tooLong))
        XCTAssertEqual(Duration.parse("366d"), .failure(.tooLong))
        XCTAssertEqual(Duration.parse(String(repeating: "9", count: 400) + "s"), .failure(.tooLong))
        XCTAssertEqual(Duration.parse("365d"), .success(Duration.maximum))
        XCTAssertEqual(Duration.parse("-5"), .failure(.negative))
        XCTAssertEqual(Duration.parse("-5s"), .failure(.negative))
        XCTAssertEqual(Duration.parse("0.5", minimum: 1), .failure(.tooShort(minimum: 1)))
        for text in ["inf", "infinity", "nan", "-nan", "0x10", "", " ", "1e", "1.2.3s", "5 parsecs", "½s", "٣s", "-"] {
            XCTAssertEqual(Duration.parse(text), .failure(.malformed), text)
        }
        XCTAssertEqual(Duration.parse("1e3"), .success(1000), "bare seconds may use an exponent")
        XCTAssertEqual(Duration.parse(" 1H30M "), .success(5400))
    }

    func testMessagesQuoteWhatWasTyped() {
        XCTAssertEqual(Duration.Problem.tooLong.message(for: "1e400"), "`1e400` is too long: at most 365d")
        XCTAssertEqual(Duration.Problem.negative.message(for: "-5s"), "`-5s` is negative; a duration is 0 or more (like 10s, 2m, 1h30m)")
        XCTAssertEqual(Duration.Problem.tooShort(minimum: 1).message(for: "0"), "must be at least 1s")
    }

    func testFormatIsTotal() {
        XCTAssertEqual(Duration.format(0), "0s")
        XCTAssertEqual(Duration.format(86_400 + 3600 + 1), "1d1h1s")
        XCTAssertEqual(Duration.format(Duration.maximum), "365d")
        XCTAssertEqual(Duration.format(.infinity), "more than 1000 years")
        XCTAssertEqual(Duration.format(-.infinity), "-more than 1000 years")
        XCTAssertEqual(Duration.format(.nan), "?")
        XCTAssertEqual(Duration.format(1e300), "more than 1000 years")
    }

    func testConfigRefreshOutOfRangeIsALocatedError() {
        for (value, problem) in [("1e400", "`1e400` is too long: at most 365d"),
                                 ("99999999999999999999d", "`99999999999999999999d` is too long: at most 365d"),
                                 ("-10s", "`-10s` is negative; a duration is 0 or more (like 10s, 2m, 1h30m)")] {
            XCTAssertThrowsError(try ConfigParser(file: "test.yaml").parse("refresh: \(value)\n" + "environments:\n  - name: dev\n    account: \"222222222222\"\n    cluster: app-dev")) { error in
                XCTAssertEqual("\(error)", "test.yaml:1:10: refresh: \(problem)")
            }
        }
    }

    func testCommandLineRefreshOutOfRangeIsAnError() {
        var state = UITestFleet.state()
        let before = state.refresh
        for text in ["refresh 1e400", "refresh 99999999999999999999d", "refresh inf", "refresh -1s"] {
            XCTAssertEqual(CommandLineInput.execute(text, &state), [], text)
            XCTAssertEqual(state.message?.isError, true, text)
            XCTAssertEqual(state.refresh, before, text)
        }
        XCTAssertEqual(state.message?.text, ":refresh: `-1s` is negative; a duration is 0 or more (like 10s, 2m, 1h30m)")
        _ = CommandLineInput.execute("refresh 1e400", &state)
        XCTAssertEqual(state.message?.text, ":refresh: `1e400` is too long: at most 365d")
        _ = CommandLineInput.execute("refresh", &state)
        XCTAssertEqual(state.message?.text, "usage: :refresh 5s (at least 1s)")
        XCTAssertEqual(CommandLineInput.execute("refresh 365d", &state), [.setRefresh(Duration.maximum)])
    }

    func testWaitTimeoutOutOfRangeIsAValidationError() throws {
        for value in ["1e400", "99999999999999999999d", "inf"] {
            XCTAssertThrowsError(try ActionOptions.parse(["--wait-timeout", value]), value) { error in
                XCTAssertTrue(ActionOptions.message(for: error).contains("--wait-timeout: `\(value)`"), ActionOptions.message(for: error))
            }
        }
        var request = ActionRequest(service: "api", kind: .restart(environment: "dev"))
        try ActionOptions.parse(["--wait-timeout", "2m"]).apply(to: &request)
        XCTAssertEqual(request.waitTimeout, 120)
    }

    func testAgesFromAbsurdTimestampsDoNotTrap() {
        XCTAssertEqual(Age.format(1e300), "\(1_000_000_000_000_000 / 86_400)d")
        XCTAssertEqual(Age.format(-1e300), "0s")
        XCTAssertEqual(Age.format(.nan), "0s")
        XCTAssertEqual(Age.format(.infinity), "\(1_000_000_000_000_000 / 86_400)d")
    }
}
