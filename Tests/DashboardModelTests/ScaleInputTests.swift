@testable import DashboardModel
import Foundation
import TestSupport
import XCTest

/// `s` and `:scale` in the dashboard: the count is asked on the command line, and the request reaching the
/// dispatcher is the one `ecsdash scale` would make.
final class ScaleInputTests: XCTestCase {
    private func press(_ keys: Key..., state: inout AppState) -> [Effect] {
        keys.flatMap { Reducer.reduce(&state, .key($0)) }
    }

    private func type(_ text: String, state: inout AppState) -> [Effect] {
        text.flatMap { Reducer.reduce(&state, .key(.character($0))) }
    }

    private func command(_ text: String, state: inout AppState) -> [Effect] {
        _ = press(.character(":"), state: &state)
        _ = type(text, state: &state)
        return press(.enter, state: &state)
    }

    private func request(_ service: String, _ environment: String, _ count: Int) -> ActionRequest {
        ActionRequest(service: service, kind: .scale(environment: environment, count: count), interactive: true, offersOverride: true)
    }

    func testSAsksForTheCountOnTheCommandLineThenRunsTheScaleThroughTheDispatcher() {
        var state = UITestFleet.state()
        _ = press(.down, state: &state)
        XCTAssertEqual(press(.character("s"), state: &state), [])
        XCTAssertEqual(state.input, .command("scale frontend --env dev --count "))
        let footer = UITestFleet.render(state).text
        XCTAssertTrue(footer.contains(":scale frontend --env dev --count ▏"), footer)
        _ = type("4", state: &state)
        let effects = press(.enter, state: &state)
        XCTAssertEqual(effects, [.runAction(request("frontend", "dev", 4))])
        XCTAssertEqual(state.input, .normal)
        XCTAssertEqual(state.pane, .actions)
        XCTAssertEqual(state.runningActions["dev/frontend"], "scale frontend in dev to 4")
        XCTAssertEqual(state.actionLines.last?.text, "── scale frontend in dev to 4")
        XCTAssertEqual(command("scale 5", state: &state), [], "one action per service at a time")
        XCTAssertEqual(state.message?.text, "dev/frontend is busy: scale frontend in dev to 4")
    }

    func testEscLeavesTheCountUnasked() {
        var state = UITestFleet.state()
        _ = press(.character("s"), state: &state)
        _ = type("3", state: &state)
        XCTAssertEqual(press(.escape, state: &state), [])
        XCTAssertEqual(state.input, .normal)
        XCTAssertTrue(state.runningActions.isEmpty)
    }

    func testColonScaleTakesTheCommandsOwnOptions() {
        var state = UITestFleet.state()
        XCTAssertEqual(command("scale 3", state: &state), [.runAction(request("api", "dev", 3))], "the cell under the cursor")

        state = UITestFleet.state()
        var forced = request("frontend", "prod", 12)
        forced.force = true
        forced.reason = "peak traffic tonight"
        XCTAssertEqual(command("scale frontend --env prod --count 12 --force --reason peak traffic tonight", state: &state), [.runAction(forced)])

        state = UITestFleet.state()
        var dryRun = request("worker", "uat", 0)
        dryRun.dryRun = true
        XCTAssertEqual(command("scale worker --env=uat --count=0 --dry-run", state: &state), [.runAction(dryRun)])
    }

    func testWhatTheCommandWouldRefuseTheCommandLineRefuses() {
        let cases: [(String, String)] = [
            ("scale", "how many tasks?"),
            ("scale -1", "the count must be between 0 and 10000; got -1"),
            ("scale 10001", "the count must be between 0 and 10000; got 10001"),
            ("scale 5 --force", "--force needs --reason TEXT (it is audited)"),
            ("scale 5 --env qa", "unknown environment qa; known: dev, uat, prod"),
            ("scale ghost --env dev --count 2", "no service ghost in dev"),
            ("scale 2 3", "unexpected 3"),
            ("scale 2 --replicas 3", "unknown option --replicas"),
            ("scale --count many", "--count needs a whole number"),
        ]
        for (line, message) in cases {
            var state = UITestFleet.state()
            XCTAssertEqual(command(line, state: &state), [], line)
            XCTAssertTrue(state.message?.text.hasPrefix(message) == true, "\(line): \(state.message?.text ?? "no message")")
            XCTAssertEqual(state.message?.isError, true, line)
            XCTAssertTrue(state.runningActions.isEmpty, line)
        }
    }

    func testReadOnlyRefusesTheKeyAndTheCommand() {
        var state = UITestFleet.state(readOnly: true)
        XCTAssertEqual(press(.character("s"), state: &state), [])
        XCTAssertEqual(state.input, .normal, "no count is asked for")
        XCTAssertEqual(state.message?.text, "read-only mode: scale is disabled")
        XCTAssertEqual(command("scale 3", state: &state), [])
        XCTAssertEqual(state.message?.text, "read-only mode: scale is disabled")
        let help = UITestFleet.render({ var shown = state; shown.panes.append(.help); return shown }(), height: 30).text
        XCTAssertTrue(help.contains("scale (desired count)  (disabled: read-only)"), help)
    }

    func testTheKeyIsRemappableAsScale() throws {
        var state = UITestFleet.state()
        state.keyMap = try KeyMap(overrides: ["scale": "S"])
        XCTAssertEqual(state.keyMap.command(for: .character("S")), .scale)
        XCTAssertNil(state.keyMap.command(for: .character("s")))
        _ = press(.character("S"), state: &state)
        XCTAssertEqual(state.input, .command("scale api --env dev --count "))
    }

    func testParsingKeepsTheRestOfTheLineAsTheReason() throws {
        let parsed = try ScaleInput.parse("web --reason=black friday --env prod").get()
        XCTAssertEqual(parsed.service, "web")
        XCTAssertEqual(parsed.reason, "black friday --env prod", "--reason takes the rest of the line")
        XCTAssertNil(parsed.environment)
    }
}
