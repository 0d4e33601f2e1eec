@testable import DashboardModel
import Foundation
import TestSupport
import XCTest

/// `t`, `D` and `/` in the task definition pane, through the reducer.
final class TaskDefinitionPaneTests: XCTestCase {
    private func press(_ keys: Key..., state: inout AppState) -> [Effect] {
        keys.flatMap { Reducer.reduce(&state, .key($0)) }
    }

    /// The cursor on frontend · prod (row 1, column 2).
    private func onProdFrontend() -> AppState {
        var state = UITestFleet.state()
        _ = press(.down, .right, .right, state: &state)
        return state
    }

    func testTOpensThePaneAndAsksForTheRevisionAndItsBaseline() throws {
        var state = onProdFrontend()
        let effects = press(.character("t"), state: &state)
        let target = TaskDefinitionTarget(environment: "prod", service: "frontend", arn: "arn:td/frontend:1",
                                          baseline: .init(environment: "uat", arn: "arn:td/frontend:1"))
        XCTAssertEqual(effects, [.loadTaskDefinition(target)])
        XCTAssertEqual(state.pane, .taskDefinition(target))
        XCTAssertTrue(state.taskDefinition.loading)

        let load = TaskDefinitionLoad(summary: TaskDefinitionFixtures.summary("prod"), baseline: TaskDefinitionFixtures.summary("uat"))
        _ = Reducer.reduce(&state, .taskDefinitionLoaded(target: target, load: load))
        XCTAssertFalse(state.taskDefinition.loading)
        XCTAssertEqual(state.taskDefinition.lines(target, now: state.now).first?.text, "prod-frontend:7 · prod")

        XCTAssertEqual(press(.character("D"), state: &state), [], "the diff needs no second read")
        XCTAssertTrue(state.taskDefinition.showingDiff)
        XCTAssertEqual(state.taskDefinition.lines(target, now: state.now).first?.text, "uat → prod   uat-frontend:12 → prod-frontend:7")
        _ = press(.character("D"), state: &state)
        XCTAssertFalse(state.taskDefinition.showingDiff, "D toggles back to the summary")
    }

    func testALateReplyForAnotherTargetIsIgnored() {
        var state = onProdFrontend()
        _ = press(.character("t"), state: &state)
        let other = TaskDefinitionTarget(environment: "uat", service: "frontend", arn: "arn:td/frontend:1")
        _ = Reducer.reduce(&state, .taskDefinitionLoaded(target: other, load: TaskDefinitionLoad(error: "boom")))
        XCTAssertTrue(state.taskDefinition.loading)
        XCTAssertNil(state.taskDefinition.load.error)
    }

    func testTheFirstEnvironmentHasNothingToCompareWith() {
        var state = UITestFleet.state()
        _ = press(.down, state: &state)
        XCTAssertEqual(press(.character("D"), state: &state), [])
        XCTAssertEqual(state.pane, .matrix)
        XCTAssertEqual(state.message?.isError, true)
        XCTAssertTrue(state.message?.text.contains("dev") == true, state.message?.text ?? "")
        let effects = press(.character("t"), state: &state)
        guard case .loadTaskDefinition(let target)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertNil(target.baseline)
    }

    func testSlashSearchesInsideThePaneAndEscClearsIt() {
        var state = onProdFrontend()
        _ = press(.character("t"), state: &state)
        guard case .taskDefinition(let target) = state.pane else { return XCTFail("\(state.pane)") }
        _ = Reducer.reduce(&state, .taskDefinitionLoaded(target: target, load: TaskDefinitionLoad(summary: TaskDefinitionFixtures.summary("prod"))))
        _ = press(.character("/"), .character("a"), .character("p"), .character("p"), .character("_"), state: &state)
        XCTAssertEqual(state.taskDefinition.lines(target, now: state.now).map(\.text), ["    APP_ENV=prod"])
        XCTAssertEqual(state.filter, "", "the matrix filter is left alone")
        _ = press(.escape, state: &state)
        XCTAssertEqual(state.taskDefinition.search, "")
        XCTAssertEqual(state.pane, .taskDefinition(target))
    }

    func testTheNewKeysAreFreeAndInTheTable() {
        let keys = KeyMap()
        XCTAssertEqual(keys.command(for: .character("t")), .taskDefinition)
        XCTAssertEqual(keys.command(for: .character("D")), .taskDefinitionDiff)
        XCTAssertEqual(keys.duplicateKeys, [])
        XCTAssertNoThrow(try KeyMap(overrides: ["task_definition_diff": "ctrl-d"]))
    }
}
