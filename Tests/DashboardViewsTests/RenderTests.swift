@testable import DashboardModel
@testable import DashboardViews
import Foundation
import TestSupport
import XCTest

/// Golden text renders of the panes into a cell grid. Set ECSDASH_UPDATE_GOLDEN=1 to rewrite the files
/// after an intended change, then review the diff.
final class RenderTests: XCTestCase {
    func assertGolden(_ grid: CellGrid, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/golden/\(name).txt")
        if ProcessInfo.processInfo.environment["ECSDASH_UPDATE_GOLDEN"] != nil {
            try (grid.text + "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(grid.text + "\n", expected, "render differs from \(name).txt", file: file, line: line)
    }

    func testMatrixGolden() throws {
        try assertGolden(UITestFleet.render(UITestFleet.state()), "matrix-100x24")
    }

    func testMatrixAt80ColumnsInASCII() throws {
        try assertGolden(UITestFleet.render(UITestFleet.state(), width: 80, height: 24, symbols: .ascii), "matrix-80x24-ascii")
    }

    func testServiceViewGolden() throws {
        var state = UITestFleet.state()
        state.panes.append(.service(environment: "prod", service: "worker"))
        try assertGolden(UITestFleet.render(state), "service-prod-worker")
    }

    /// The service view during an incident: the breadcrumb, the last hour's problems, a stopped task newest first
    /// with its stop time, reason and exit code, and no health for it.
    func testServiceViewInAnIncidentGolden() throws {
        var state = UITestFleet.state()
        state.fleet = UITestFleet.troubledFleet()
        state.panes.append(.service(environment: "dev", service: "api"))
        let grid = UITestFleet.render(state, height: 30)
        try assertGolden(grid, "service-dev-api-incident")
        XCTAssertTrue(grid.text.contains("dev › api"), grid.text)
        XCTAssertTrue(grid.text.contains("crashed (OOM)"), grid.text)

        _ = Reducer.perform(.toggleStopped, &state)
        let hidden = UITestFleet.render(state, height: 30).text
        XCTAssertTrue(hidden.contains("Tasks (1 stopped hidden: x shows them)"), hidden)
        XCTAssertFalse(hidden.contains("0dd"), hidden)
    }

    /// Eight recent events by default with a count of the rest; `e` lists every one and j/k scroll them.
    func testAllEventsAreReachable() throws {
        var state = UITestFleet.state()
        var snapshot = try XCTUnwrap(state.fleet.state("prod")?.snapshot)
        snapshot.services[2].events = (0..<30).map {
            ServiceEventSnapshot(id: "e\($0)", createdAt: UITestFleet.now.addingTimeInterval(Double(-60 * $0)), message: "(service worker) event number \($0).")
        }
        state.fleet.apply(.environmentFetched(snapshot))
        state.panes.append(.service(environment: "prod", service: "worker"))
        var text = UITestFleet.render(state).text
        XCTAssertTrue(text.contains("event number 7.") && !text.contains("event number 8."), text)
        XCTAssertTrue(text.contains("… 22 older (e shows them all)"), text)

        _ = Reducer.perform(.toggleEvents, &state)
        for _ in 0..<30 { _ = Reducer.perform(.down, &state) }
        text = UITestFleet.render(state).text
        XCTAssertTrue(text.contains("event number 29."), "the oldest event is reachable:\n\(text)")
        _ = Reducer.perform(.back, &state)
        XCTAssertEqual(state.pane, .service(environment: "prod", service: "worker"), "esc first leaves the events, not the view")
        XCTAssertFalse(state.showAllEvents)
    }

    /// At 80 columns with an action running, every environment badge stays whole; the config label and the action's
    /// words give way first.
    func testHeaderBadgesSurviveAnActionAt80Columns() {
        var state = UITestFleet.state()
        state.fleet = UITestFleet.troubledFleet()
        state.runningActions = ["prod/frontend": "promote frontend uat → prod"]
        let header = UITestFleet.render(state, width: 80).text.components(separatedBy: "\n")[0]
        XCTAssertTrue(header.contains("PROD 4s ⚠1"), header)
        XCTAssertEqual(header, " ecsdash  ⠋ promote frontend uat → prod  ● dev 4s ⚠1 ● uat 4s ⚠1 ● PROD 4s ⚠1",
                       "the config label gives way, the action's words still fit")
        state.runningActions["uat/api"] = "restart api in uat"
        state.readOnly = true
        let crowded = UITestFleet.render(state, width: 80).text.components(separatedBy: "\n")[0]
        XCTAssertEqual(crowded, " ecsdash  READ-ONLY  ⠋ 2 running  ● dev 4s ⚠1 ● uat 4s ⚠1 ● PROD 4s ⚠1", "then the action's words")
        XCTAssertFalse(header.hasSuffix("…"), header)
        let wide = UITestFleet.render(state, width: 160).text.components(separatedBy: "\n")[0]
        XCTAssertTrue(wide.contains("ecsdash.yaml · eu-west-1") && wide.contains("promote frontend uat → prod"), wide)
    }

    /// A rollout says how long it has been rolling; past stuck_after it is drawn as stuck instead.
    func testARolloutShowsItsAge() throws {
        var service = ServiceSnapshot.fixture(name: "web", rollout: .inProgress)
        service.deployments[0].createdAt = UITestFleet.now.addingTimeInterval(-180)
        var fleet = FleetSnapshot(environmentNames: ["dev"])
        fleet.apply(.environmentFetched(EnvironmentSnapshot(environment: "dev", account: "2", cluster: "app-dev", fetchedAt: UITestFleet.now,
                                                            services: [service], pipelines: [], errors: [], apiCalls: 1)))
        let cell = MatrixCell.build(service: "web", environment: "dev", fleet: fleet, symbols: .unicode, frame: 0, now: UITestFleet.now, refresh: 10)
        XCTAssertEqual(cell.health, "2/2 ⠋ rolling 3m")
    }

    func testHelpGolden() throws {
        var state = UITestFleet.state(readOnly: true)
        state.panes.append(.help)
        try assertGolden(UITestFleet.render(state, height: 40), "help-read-only")
    }

    /// Each problem marker, and the header's count of troubled services, at the smallest size the dashboard draws.
    func testProblemMarkersGoldenAt80x24() throws {
        var state = UITestFleet.state()
        state.fleet = UITestFleet.troubledFleet()
        let grid = UITestFleet.render(state, width: 80, height: 24)
        try assertGolden(grid, "matrix-problems-80x24")
        let text = grid.text
        XCTAssertTrue(text.contains("crash (OOM) 7m"), text)
        XCTAssertTrue(text.contains("stuck 14m"), text)
        XCTAssertTrue(text.contains("rolled back 3m"), text)
        XCTAssertTrue(text.hasSuffix("? help  q quit"), "help and quit always fit the footer:\n\(text)")
        let rolledBack = try XCTUnwrap(grid.find("rolled back 3m"))
        XCTAssertEqual(grid.cell(row: rolledBack.row, column: rolledBack.column).style.role, .error)
        let stuck = try XCTUnwrap(grid.find("stuck 14m"))
        XCTAssertEqual(grid.cell(row: stuck.row, column: stuck.column).style.role, .warn)
    }

    /// An environment that could not be read lately shows its last counts muted, never a green tick.
    func testStaleCountsAreNeverGreen() throws {
        var state = UITestFleet.state()
        state.now = UITestFleet.now.addingTimeInterval(300)
        let grid = UITestFleet.render(state)
        XCTAssertFalse(grid.text.contains("✓"), grid.text)
        let counts = try XCTUnwrap(grid.find("2/2 ⧖"))
        XCTAssertEqual(grid.cell(row: counts.row, column: counts.column).style.role, .muted)
    }

    func testMarkersAndStyles() throws {
        let grid = UITestFleet.render(UITestFleet.state())
        let text = grid.text
        XCTAssertTrue(text.contains("READ-ONLY") == false)
        XCTAssertTrue(text.contains("prod→f0f0f0f ◆"), "frontend's prod image differs from uat's:\n\(text)")
        XCTAssertTrue(text.contains("1/2 ⚠ degraded !1"), "one of two tasks unhealthy is a degraded cell:\n\(text)")
        let rolling = try XCTUnwrap(grid.find("rolling"))
        XCTAssertEqual(grid.cell(row: rolling.row, column: rolling.column).style.role, .inProgress)
        let selected = try XCTUnwrap(grid.find("dev→a1a1a1a"))
        XCTAssertTrue(grid.cell(row: selected.row, column: selected.column).style.reverse, "the cursor cell is reversed")
        let prodHeader = try XCTUnwrap(grid.find("PROD"))
        XCTAssertEqual(grid.cell(row: prodHeader.row, column: prodHeader.column).style, .accent("prod"))
    }

    /// The header warns beside each environment whose keys are about to stop working, and only there.
    func testHeaderWarnsOfExpiringKeys() throws {
        var state = UITestFleet.state()
        XCTAssertNil(UITestFleet.render(state).find("keys expiring"))
        state.expiringCredentials = ["uat"]
        let grid = UITestFleet.render(state)
        let warning = try XCTUnwrap(grid.find("keys expiring"), grid.text)
        XCTAssertEqual(warning.row, 0, "in the header")
        XCTAssertEqual(grid.cell(row: warning.row, column: warning.column).style.role, .warn)
        let line = grid.text.components(separatedBy: "\n")[0]
        let uat = try XCTUnwrap(line.range(of: " uat"), line)
        let prod = try XCTUnwrap(line.range(of: " PROD"), line)
        let after = try XCTUnwrap(line.range(of: "keys expiring"))
        XCTAssertTrue(uat.upperBound <= after.lowerBound && after.upperBound <= prod.lowerBound, "in uat's entry: \(line)")
    }

    func testLayoutAtSeveralSizes() {
        XCTAssertTrue(Layout(width: 79, height: 24).isTooSmall)
        XCTAssertTrue(Layout(width: 80, height: 23).isTooSmall)
        XCTAssertFalse(Layout(width: 80, height: 24).isTooSmall)
        let wide = Layout(width: 200, height: 50)
        XCTAssertEqual(wide.bodyHeight, 46)
        XCTAssertEqual(wide.footerRow, 49)
        let columns = Layout(width: 80, height: 24).matrixColumns(serviceNames: ["frontend"], environments: 4)
        XCTAssertEqual(columns.name, 12)
        XCTAssertEqual(columns.cell, 17)
        let tooSmall = UITestFleet.render(UITestFleet.state(), width: 60, height: 20)
        XCTAssertTrue(tooSmall.text.contains("Terminal too small"))
        XCTAssertTrue(tooSmall.text.contains("this one is 60×20."))
    }

    func testWideCharactersTakeTwoColumns() {
        XCTAssertEqual(TextWidth.of("漢字"), 4)
        XCTAssertEqual(TextWidth.of("é"), 1)
        XCTAssertEqual(TextWidth.of("e\u{301}"), 1, "a combining accent adds no width")
        XCTAssertEqual(TextWidth.of("🚀"), 2)
        XCTAssertEqual(TextWidth.fit("漢字漢字", 5), "漢字…")
        var grid = CellGrid(width: 6, height: 1)
        grid.put("a漢字bc", row: 0, column: 0, style: .text)
        XCTAssertEqual(grid.line(0), "a漢字b", "clipped at the edge by columns, not characters")
    }
}

/// The task definition pane: the summary and the diff against uat, rendered into a cell grid.
extension RenderTests {
    private func taskDefinitionState(diff: Bool) -> AppState {
        let target = TaskDefinitionTarget(environment: "prod", service: "frontend", arn: "arn:td/frontend:1",
                                          baseline: .init(environment: "uat", arn: "arn:td/frontend:1"))
        var state = UITestFleet.state()
        state.panes.append(.taskDefinition(target))
        state.taskDefinition = TaskDefinitionState(load: TaskDefinitionLoad(summary: TaskDefinitionFixtures.summary("prod", memory: 1024),
                                                                            baseline: TaskDefinitionFixtures.summary("uat")),
                                                   showingDiff: diff)
        return state
    }

    func testTaskDefinitionSummaryGolden() throws {
        let grid = UITestFleet.render(taskDefinitionState(diff: false), height: 40)
        try assertGolden(grid, "task-definition-prod-frontend")
        XCTAssertTrue(grid.text.contains("DB_PASSWORD ← arn:aws:secretsmanager"), grid.text)
    }

    func testTaskDefinitionDiffGolden() throws {
        let grid = UITestFleet.render(taskDefinitionState(diff: true))
        try assertGolden(grid, "task-definition-diff-uat-prod")
        let image = try XCTUnwrap(grid.find("frontend image"))
        XCTAssertEqual(grid.cell(row: image.row, column: image.column).style.role, .inProgress)
        let memory = try XCTUnwrap(grid.find("frontend memory"))
        XCTAssertEqual(grid.cell(row: memory.row, column: memory.column).style.role, .warn)
    }
}
