@testable import DashboardModel
import Foundation
import TestSupport
import XCTest

final class ReducerTests: XCTestCase {
    func press(_ keys: Key..., state: inout AppState) -> [Effect] {
        keys.flatMap { Reducer.reduce(&state, .key($0)) }
    }

    func testNavigationOpenAndBack() {
        var state = UITestFleet.state()
        _ = press(.down, .character("l"), .character("l"), .character("l"), state: &state)
        XCTAssertEqual(state.selectedService, "frontend")
        XCTAssertEqual(state.selectedEnvironment, "prod", "moving right stops at the last environment")
        _ = press(.enter, state: &state)
        XCTAssertEqual(state.pane, .service(environment: "prod", service: "frontend"))
        _ = press(.escape, state: &state)
        XCTAssertEqual(state.pane, .matrix)
        _ = press(.character("G"), state: &state)
        XCTAssertEqual(state.selectedService, "worker")
        _ = press(.character("g"), state: &state)
        XCTAssertEqual(state.selectedService, "api")
    }

    /// Keys that stop working within 15 minutes of the check put the environment in the header's warning set;
    /// renewed or long-lived keys take it out again.
    func testCredentialChecksDecideTheExpiringKeysWarning() {
        var state = UITestFleet.state()
        let now = state.now
        _ = Reducer.reduce(&state, .credentialsChecked(environment: "dev", expiresAt: now.addingTimeInterval(15 * 60), at: now))
        _ = Reducer.reduce(&state, .credentialsChecked(environment: "prod", expiresAt: now.addingTimeInterval(15 * 60 + 1), at: now))
        _ = Reducer.reduce(&state, .credentialsChecked(environment: "uat", expiresAt: nil, at: now))
        XCTAssertEqual(state.expiringCredentials, ["dev"])
        _ = Reducer.reduce(&state, .credentialsChecked(environment: "dev", expiresAt: now.addingTimeInterval(3600), at: now))
        XCTAssertEqual(state.expiringCredentials, [], "renewed")
    }

    func testFilterNarrowsRowsAndEscClears() {
        var state = UITestFleet.state()
        _ = press(.character("/"), .character("w"), .character("o"), state: &state)
        XCTAssertEqual(state.shownServices, ["worker"])
        XCTAssertEqual(state.input, .filter("wo"))
        _ = press(.enter, state: &state)
        XCTAssertEqual(state.input, .normal)
        XCTAssertEqual(state.shownServices, ["worker"], "enter keeps the filter")
        _ = press(.character("/"), .escape, state: &state)
        XCTAssertEqual(state.shownServices, ["api", "frontend", "worker"])
    }

    func testCommandLine() {
        var state = UITestFleet.state()
        _ = press(.character(":"), state: &state)
        for character in "env dev,prod" { _ = press(.character(character), state: &state) }
        _ = press(.enter, state: &state)
        XCTAssertEqual(state.shownEnvironments, ["dev", "prod"])
        XCTAssertEqual(state.message?.isError, false)

        _ = press(.character(":"), state: &state)
        for character in "env nope" { _ = press(.character(character), state: &state) }
        _ = press(.enter, state: &state)
        XCTAssertEqual(state.message?.isError, true)
        XCTAssertEqual(state.shownEnvironments, ["dev", "prod"], "a bad command changes nothing")

        _ = press(.character(":"), state: &state)
        for character in "refresh 5s" { _ = press(.character(character), state: &state) }
        XCTAssertEqual(press(.enter, state: &state), [.setRefresh(5)])
        _ = press(.character(":"), state: &state)
        for character in "theme light" { _ = press(.character(character), state: &state) }
        XCTAssertEqual(press(.enter, state: &state), [.setTheme("light")])
        _ = press(.character(":"), .character("q"), state: &state)
        XCTAssertEqual(press(.enter, state: &state), [.quit])
        XCTAssertTrue(state.quitting)
    }

    func testLogsDescribeRefreshEffects() {
        var state = UITestFleet.state()
        XCTAssertEqual(press(.character("R"), state: &state), [.refresh(environment: nil)])
        let logs = press(.character("L"), state: &state)
        let target = LogsTarget(environment: "dev", service: "api", taskId: nil)
        let fiveMinutesBack = Int64(UITestFleet.now.addingTimeInterval(-300).timeIntervalSince1970 * 1000) - 1
        XCTAssertEqual(logs, [.loadLogs(target, since: fiveMinutesBack)], "a pane opens on the last 5 minutes, at the tail")
        XCTAssertEqual(state.pane, .logs(target))
        _ = Reducer.reduce(&state, .logsLoaded(target: target, lines: [LogLine(timestamp: UITestFleet.now, stream: "ecs/api/t0", message: "hello")], error: nil))
        XCTAssertEqual(state.logs.lines.count, 1)
        XCTAssertEqual(state.logs.lastTimestamp, 1_790_000_000_000)
        _ = press(.escape, state: &state)
        _ = press(.enter, state: &state)
        let describe = press(.character("d"), state: &state)
        XCTAssertEqual(describe.count, 1)
        guard case .loadDescribe(let describeTarget) = describe.first else { return XCTFail("expected a describe effect") }
        XCTAssertEqual(describeTarget.kind, .task, "in the service view, d describes the task under the cursor")
    }

    func testActionKeysAreDisabledInReadOnlyMode() {
        var state = UITestFleet.state(readOnly: true)
        XCTAssertEqual(press(.character("p"), state: &state), [])
        XCTAssertEqual(state.message?.text, "read-only mode: promote is disabled")
    }

    func testActionKeysAskTheDispatcherAndConfirmationFlowsBack() {
        var state = UITestFleet.state()
        _ = press(.down, .right, state: &state)
        let effects = press(.character("p"), state: &state)
        let request = ActionRequest(service: "frontend", kind: .promote(from: "uat", to: "prod"), interactive: true, offersOverride: true)
        XCTAssertEqual(effects, [.runAction(request)])
        XCTAssertEqual(state.pane, .actions)
        XCTAssertEqual(state.runningActions["prod/frontend"], "promote frontend uat → prod")
        XCTAssertEqual(press(.character("p"), state: &state), [], "the actions pane has no cell to act on twice")

        _ = Reducer.reduce(&state, .confirmationRequested(PendingConfirmation(id: 7, prompt: "Type prod: ")))
        XCTAssertEqual(state.input, .confirm(""))
        XCTAssertEqual(press(.character("p"), .character("r"), .character("o"), .character("d"), state: &state), [])
        XCTAssertEqual(press(.enter, state: &state), [.answerConfirmation(id: 7, answer: "prod")])
        _ = Reducer.reduce(&state, .confirmationRequested(PendingConfirmation(id: 8, prompt: "again? ")))
        XCTAssertEqual(press(.escape, state: &state), [.answerConfirmation(id: 8, answer: nil)], "esc answers no")

        let done = Reducer.reduce(&state, .actionFinished(key: "prod/frontend", outcome: ActionOutcome(exitCode: 0, message: "done")))
        XCTAssertEqual(done, [.refresh(environment: nil)])
        XCTAssertNil(state.runningActions["prod/frontend"])
        _ = press(.escape, state: &state)
        _ = press(.right, state: &state)
        XCTAssertEqual(press(.character("p"), state: &state), [])
        XCTAssertEqual(state.message?.text, "prod is the last environment: there is nothing to promote to")
        XCTAssertEqual(press(.character("f"), state: &state), [.runAction(ActionRequest(service: "frontend", kind: .restart(environment: "prod"), interactive: true,
                                                                                          offersOverride: true))])
    }

    func testFleetEventsKeepTheCursorInRange() {
        var state = UITestFleet.state()
        _ = press(.character("G"), state: &state)
        var empty = EnvironmentSnapshot(environment: "dev", account: "2", cluster: "c", fetchedAt: UITestFleet.now, services: [], pipelines: [], errors: [], apiCalls: 1)
        for name in ["dev", "uat", "prod"] {
            empty.environment = name
            _ = Reducer.reduce(&state, .fleet(.environmentFetched(empty)))
        }
        XCTAssertEqual(state.row, 0)
    }

    func testKeyTableHasNoDuplicatesAndHelpForEveryCommand() throws {
        XCTAssertEqual(KeyMap().duplicateKeys, [])
        for command in Command.allCases {
            let binding = try XCTUnwrap(KeyMap().binding(command), "\(command) has no key")
            XCTAssertFalse(binding.help.isEmpty)
            XCTAssertFalse(binding.keys.isEmpty)
        }
        XCTAssertEqual(KeyMap.defaults.filter(\.dangerous).map(\.command), [.promote, .rollback, .restart, .scale])
    }

    func testRemapping() throws {
        let map = try KeyMap(overrides: ["down": "n, ctrl-n", "logs": "o"])
        XCTAssertEqual(map.command(for: .character("n")), .down)
        XCTAssertEqual(map.command(for: .control("n")), .down)
        XCTAssertNil(map.command(for: .character("j")), "a remap replaces the defaults")
        XCTAssertThrowsError(try KeyMap(overrides: ["logs": "q"])) { XCTAssertTrue("\($0)".contains("more than one command")) }
        // A default key of another command goes to the remap (so new default keys never break a config)…
        let taken = try KeyMap(overrides: ["logs": "x"])
        XCTAssertEqual(taken.command(for: .character("x")), .logs)
        XCTAssertNil(taken.binding(.toggleStopped)?.keys.first, "toggle_stopped lost x and has no key until remapped")
        // …but two remaps cannot share one.
        XCTAssertThrowsError(try KeyMap(overrides: ["logs": "z", "describe": "z"])) { XCTAssertTrue("\($0)".contains("more than one command")) }
        XCTAssertThrowsError(try KeyMap(overrides: ["fly": "x"])) { XCTAssertTrue("\($0)".contains("unknown command")) }
        XCTAssertThrowsError(try KeyMap(overrides: ["logs": "ctrl-long"])) { XCTAssertTrue("\($0)".contains("is not a key")) }
    }

    /// The logs filter belongs to the service: kept when the pane is left and reopened; Esc clears it before leaving.
    func testLogsFilterIsKeptPerServiceAndEscClearsItFirst() {
        var state = UITestFleet.state()
        let target = LogsTarget(environment: "dev", service: "api", taskId: nil)
        _ = press(.character("L"), state: &state)
        _ = press(.character("/"), state: &state)
        for character in "ERROR" { _ = press(.character(character), state: &state) }
        _ = press(.enter, state: &state)
        XCTAssertEqual(state.logs.filter, "ERROR")
        _ = Reducer.perform(.back, &state)
        XCTAssertEqual(state.pane, .logs(target), "the first Esc clears the filter and stays")
        XCTAssertEqual(state.logs.filter, "")
        _ = press(.character("/"), state: &state)
        for character in "WARN" { _ = press(.character(character), state: &state) }
        _ = press(.enter, state: &state)
        _ = Reducer.perform(.back, &state)
        _ = Reducer.perform(.back, &state)
        XCTAssertEqual(state.pane, .matrix)
        _ = press(.character("L"), state: &state)
        XCTAssertEqual(state.logs.filter, "", "cleared with Esc, so not kept")
        _ = Reducer.perform(.back, &state)
        _ = press(.character("L"), state: &state)
        _ = press(.character("/"), state: &state)
        for character in "oom" { _ = press(.character(character), state: &state) }
        _ = press(.enter, state: &state)
        state.panes = [.matrix]
        _ = press(.character("L"), state: &state)
        XCTAssertEqual(state.logs.filter, "oom", "kept for the service when the pane was left another way")
    }

    func testSinceReadsFurtherBackAndReloadsAnOpenPane() {
        var state = UITestFleet.state()
        let target = LogsTarget(environment: "dev", service: "api", taskId: nil)
        _ = press(.character("L"), state: &state)
        let effects = CommandLineInput.execute("since 1h", &state)
        let hourBack = Int64(UITestFleet.now.addingTimeInterval(-3600).timeIntervalSince1970 * 1000) - 1
        XCTAssertEqual(effects, [.loadLogs(target, since: hourBack)])
        XCTAssertEqual(state.logsWindow, 3600)
        XCTAssertEqual(CommandLineInput.execute("since soon", &state), [])
        XCTAssertEqual(state.message?.isError, true)
    }

    /// `/` in the describe view searches the JSON (it used to set the matrix filter); PgDn moves a page; G the last page.
    func testDescribeSearchPagesAndEnd() {
        var state = UITestFleet.state()
        _ = Reducer.reduce(&state, .screenResized(bodyRows: 20))
        let target = DescribeTarget(environment: "dev", kind: .service, identifier: "api", cluster: "app-dev")
        state.panes.append(.describe(target))
        let text = (0..<100).map { "  \"line\($0)\": \($0)," }.joined(separator: "\n") + "\n}"
        _ = Reducer.reduce(&state, .describeLoaded(target: target, text: text, error: nil))
        _ = press(.pageDown, state: &state)
        XCTAssertEqual(state.scroll, 19, "a page is the body's height, less one line kept for context")
        _ = press(.character("G"), state: &state)
        XCTAssertEqual(state.scroll, state.describe.lines.count - 20, "the end shows a whole last page")
        _ = press(.character("/"), state: &state)
        for character in "line42" { _ = press(.character(character), state: &state) }
        _ = press(.enter, state: &state)
        XCTAssertEqual(state.describe.search, "line42")
        XCTAssertEqual(state.filter, "", "the matrix filter is untouched")
        XCTAssertEqual(state.describe.lines[state.scroll + 2], "  \"line42\": 42,")
        _ = Reducer.perform(.back, &state)
        XCTAssertEqual(state.describe.search, "")
        XCTAssertEqual(state.pane, .describe(target), "the first Esc clears the search")
    }
}
