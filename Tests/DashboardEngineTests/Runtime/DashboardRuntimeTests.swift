import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
@testable import FleetSimulator
import Foundation
import TestSupport
import XCTest

/// The runtime end to end over the simulated fleet: what the pollers are told, and what reaches the state.
final class DashboardRuntimeTests: XCTestCase {
    /// `:refresh 5s` must retune every environment's poller, not only the registry loop and the stale check, or
    /// environments turn "stale" while still polling every 10 s.
    func testRefreshCommandRetunesEveryEnvironmentPoller() async {
        let bench = RuntimeBench()
        bench.runtime.start()
        defer { bench.runtime.stop() }
        let idle = await bench.idleSleeps { $0 == Array(repeating: 10, count: RuntimeBench.loops) }
        XCTAssertTrue(idle, "every loop first waits the configured 10 s: \(bench.harness.clock.pendingSleeps)")

        bench.execute(.setRefresh(5))
        // Whatever each loop was waiting for, its next wait is the new interval.
        bench.harness.clock.advance(by: 10)
        let retuned = await bench.idleSleeps { $0 == Array(repeating: 5, count: RuntimeBench.loops) }
        XCTAssertTrue(retuned, "every poller and the registry loop wait 5 s now: \(bench.harness.clock.pendingSleeps)")
    }

    /// While an action runs on an environment its poller waits the short cadence (2 s), even before the snapshot
    /// shows a deployment; here the action is still waiting for its confirmation, so AWS is unchanged.
    func testARunningActionPollsItsEnvironmentFast() async {
        let bench = RuntimeBench()
        bench.runtime.start()
        defer { bench.runtime.stop() }
        _ = await bench.idleSleeps { $0 == Array(repeating: 10, count: RuntimeBench.loops) }

        bench.execute(.runAction(ActionRequest(service: "backend", kind: .restart(environment: "dev"), interactive: true)))
        let asked = await bench.settle { $0.confirmation != nil }
        XCTAssertTrue(asked, "the restart asks before changing anything")
        let fast = await bench.idleSleeps { $0 == [2] + Array(repeating: 10, count: RuntimeBench.loops - 1) }
        XCTAssertTrue(fast, "dev polls every 2 s while its action runs, the rest every 10 s: \(bench.harness.clock.pendingSleeps)")

        // Esc: the action stops without changing anything, and dev goes back to the idle cadence.
        bench.execute(.answerConfirmation(id: bench.state.confirmation?.id ?? 0, answer: nil))
        _ = await bench.settle { $0.runningActions.isEmpty }
        bench.harness.clock.advance(by: 2)
        let idleAgain = await bench.idleSleeps { $0 == Array(repeating: 10, count: RuntimeBench.loops) }
        XCTAssertTrue(idleAgain, "dev is back to 10 s once the action is over: \(bench.harness.clock.pendingSleeps)")
    }

    /// Keys that expire within 15 minutes and cannot be renewed show in the header's warning set; keys a role
    /// session renews do not.
    func testExpiringKeysReachTheState() async throws {
        let bench = try await RuntimeBench.withExpiringKeys(in: "dev")
        bench.runtime.start()
        defer { bench.runtime.stop() }
        let warned = await bench.settle { bench.everyEnvironmentRead($0) && !$0.expiringCredentials.isEmpty }
        XCTAssertTrue(warned, "dev's keys expire in 10 minutes")
        XCTAssertEqual(bench.state.expiringCredentials, ["dev"])
    }

    /// `D` on a prod cell: the effect reaches the loader, both revisions come back as one event, and the pane's diff
    /// is uat's against prod's.
    func testTaskDefinitionDiffKeyLoadsBothRevisions() async {
        let bench = RuntimeBench()
        bench.runtime.start()
        defer { bench.runtime.stop() }
        let read = await bench.settle { bench.everyEnvironmentRead($0) }
        XCTAssertTrue(read)
        for key in [Key.right, .right, .right, .character("D")] { bench.inbox.post(.key(key)) }
        let loaded = await bench.settle { $0.taskDefinition.load.summary != nil && $0.taskDefinition.load.baseline != nil }
        XCTAssertTrue(loaded, "\(bench.state.taskDefinition)")
        guard case .taskDefinition(let target) = bench.state.pane else { return XCTFail("\(bench.state.pane)") }
        XCTAssertEqual(target.environment, "prod")
        XCTAssertEqual(target.baseline?.environment, "uat")
        let text = bench.state.taskDefinition.lines(target, now: bench.state.now).map(\.text)
        XCTAssertTrue(text.first?.hasPrefix("uat → prod") == true, "\(text)")
        XCTAssertTrue(text.contains { $0.contains("environment.APP_ENV: uat → prod") }, "\(text)")
    }
}
