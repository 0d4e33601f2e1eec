import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
import Foundation
import TestSupport
import XCTest

final class RegistryLoopTests: XCTestCase {
    private struct Bench {
        let harness = SimulatorHarness()
        let inbox = EventInbox()
        let loop: RegistryLoop
        let dev: EnvironmentFetcher

        init() {
            let setup = FleetSetup.demo(simulator: harness.fleet, config: DemoFleet.config(), clock: harness.clock)
            dev = setup.sources.environments[0]
            let inbox = self.inbox
            loop = RegistryLoop(fetcher: setup.sources.registry!, clock: harness.clock, deadline: setup.sources.deadline, refresh: 10,
                                post: { inbox.post(.fleet($0)) })
        }

        func registryReads() -> [RegistrySnapshot] {
            inbox.drain().compactMap { if case .fleet(.registryFetched(let snapshot)) = $0 { snapshot } else { nil } }
        }
    }

    func testWaitsForTheFirstRepositoriesThenPollsOnTheInterval() async throws {
        let bench = Bench()
        bench.loop.start()
        defer { bench.loop.stop() }
        await Task.yield()
        XCTAssertEqual(bench.harness.clock.pendingSleeps, [], "nothing to read before an environment names a repository")
        await bench.loop.learn(try await bench.dev.fetch(now: bench.harness.clock.now()))
        let idle = await bench.harness.clock.waitForSleeps { $0 == [10] }
        XCTAssertTrue(idle, "\(bench.harness.clock.pendingSleeps)")
        let read = try XCTUnwrap(bench.registryReads().first)
        XCTAssertFalse(read.repositories.isEmpty, "the digests of dev's repositories")
        XCTAssertEqual(read.errors, [])
    }

    func testAShorterIntervalWakesTheLoopAndALongerOneWaitsItsTurn() async throws {
        let bench = Bench()
        bench.loop.start()
        defer { bench.loop.stop() }
        await bench.loop.learn(try await bench.dev.fetch(now: bench.harness.clock.now()))
        _ = await bench.harness.clock.waitForSleeps { $0 == [10] }
        await bench.loop.setRefresh(60)
        XCTAssertEqual(bench.harness.clock.pendingSleeps, [10])
        bench.harness.clock.advance(by: 10)
        let slower = await bench.harness.clock.waitForSleeps { $0 == [60] }
        XCTAssertTrue(slower, "\(bench.harness.clock.pendingSleeps)")
        await bench.loop.setRefresh(5)
        let faster = await bench.harness.clock.waitForSleeps { $0 == [5] }
        XCTAssertTrue(faster, "\(bench.harness.clock.pendingSleeps)")
        XCTAssertEqual(bench.registryReads().count, 3, "the first read, the one after 10 s, and the one the shorter interval woke")
    }
}
