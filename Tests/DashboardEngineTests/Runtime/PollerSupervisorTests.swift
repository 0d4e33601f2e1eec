import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
import Foundation
import TestSupport
import XCTest

/// The supervisor over the demo fleet's four environments (no registry loop): cadences read from the manual clock.
final class PollerSupervisorTests: XCTestCase {
    private struct Bench {
        let harness = SimulatorHarness()
        let inbox = EventInbox()
        let supervisor: PollerSupervisor
        let fetchers: [EnvironmentFetcher]

        init() {
            let setup = FleetSetup.demo(simulator: harness.fleet, config: DemoFleet.config(), clock: harness.clock)
            fetchers = setup.sources.environments
            let inbox = self.inbox
            supervisor = PollerSupervisor(clock: harness.clock, deadline: setup.sources.deadline, refresh: 10,
                                          credentials: CredentialExpiryWatch(clock: harness.clock), post: { inbox.post($0) })
        }

        func sleeps(_ expected: [TimeInterval]) async -> Bool {
            await harness.clock.waitForSleeps { $0 == expected.sorted() }
        }
    }

    func testALongerIntervalAppliesFromTheNextWait() async {
        let bench = Bench()
        bench.supervisor.start(bench.fetchers)
        defer { bench.supervisor.stop() }
        let idle = await bench.sleeps([10, 10, 10, 10])
        XCTAssertTrue(idle, "\(bench.harness.clock.pendingSleeps)")
        await bench.supervisor.setRefresh(30)
        XCTAssertEqual(bench.harness.clock.pendingSleeps, [10, 10, 10, 10], "a longer interval does not cut the wait under way short")
        bench.harness.clock.advance(by: 10)
        let slower = await bench.sleeps([30, 30, 30, 30])
        XCTAssertTrue(slower, "\(bench.harness.clock.pendingSleeps)")
    }

    func testAShorterIntervalAppliesAtOnce() async {
        let bench = Bench()
        bench.supervisor.start(bench.fetchers)
        defer { bench.supervisor.stop() }
        _ = await bench.sleeps([10, 10, 10, 10])
        await bench.supervisor.setRefresh(3)
        let faster = await bench.sleeps([3, 3, 3, 3])
        XCTAssertTrue(faster, "no environment waits out its old 10 s first: \(bench.harness.clock.pendingSleeps)")
    }

    func testAnEnvironmentPollsFastWhileAnyOfItsActionsRuns() async {
        let bench = Bench()
        bench.supervisor.start(bench.fetchers)
        defer { bench.supervisor.stop() }
        _ = await bench.sleeps([10, 10, 10, 10])
        await bench.supervisor.setActionRunning("uat", true)
        await bench.supervisor.setActionRunning("uat", true)
        let fast = await bench.sleeps([2, 10, 10, 10])
        XCTAssertTrue(fast, "\(bench.harness.clock.pendingSleeps)")
        await bench.supervisor.setActionRunning("uat", false)
        bench.harness.clock.advance(by: 2)
        let stillFast = await bench.sleeps([2, 10, 10, 10])
        XCTAssertTrue(stillFast, "one of uat's two actions still runs: \(bench.harness.clock.pendingSleeps)")
        await bench.supervisor.setActionRunning("uat", false)
        bench.harness.clock.advance(by: 2)
        let idle = await bench.sleeps([10, 10, 10, 10])
        XCTAssertTrue(idle, "\(bench.harness.clock.pendingSleeps)")
    }

    func testEachPollIsFollowedByACredentialCheck() async {
        let bench = Bench()
        bench.supervisor.start(bench.fetchers)
        defer { bench.supervisor.stop() }
        _ = await bench.sleeps([10, 10, 10, 10])
        let checked = bench.inbox.drain().compactMap { event -> String? in
            if case .credentialsChecked(let environment, let expiresAt, _) = event, expiresAt != nil { environment } else { nil }
        }
        XCTAssertEqual(Set(checked), ["dev", "sit", "uat", "prod"], "role sessions carry their expiry")
    }
}
