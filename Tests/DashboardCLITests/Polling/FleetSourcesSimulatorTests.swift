import AWSClient
@testable import DashboardCLI
@testable import DashboardEngine
@testable import DashboardModel
@testable import DashboardViews
@testable import FleetSimulator
import Foundation
import TestSupport
import XCTest

/// Full polls of the simulated fleet through the real client path: nothing lost past the first page,
/// calls batched to AWS's limits, caches warm on the second poll, a failing environment isolated.
final class FleetSourcesSimulatorTests: XCTestCase {
    func setup(services: Int, tasks: Int) -> (FleetSetup, SimulatedFleet) {
        let clock = ManualClock(now: Date(timeIntervalSince1970: 1_790_000_000))
        let options = DemoOptionsFactory.make(services: services, tasks: tasks)
        let setup = options.setup(clock: clock)
        setup.simulator!.setCrashes(meanSeconds: nil)
        return (setup, setup.simulator!)
    }

    func testEveryTaskPastTheFirstHundredIsKept() async throws {
        let (setup, _) = setup(services: 6, tasks: 30)
        let fleet = await setup.sources.readOnce()
        for environment in fleet.environments {
            let snapshot = try XCTUnwrap(environment.snapshot, "\(environment.name): \(environment.error.map(String.init(describing:)) ?? "")")
            XCTAssertEqual(snapshot.services.count, 6)
            XCTAssertEqual(snapshot.services.reduce(0) { $0 + $1.runningTasks.count }, 180, "\(environment.name): 180 running tasks, more than one page")
            for service in snapshot.services {
                XCTAssertEqual(service.runningTasks.count, 30, "\(environment.name)/\(service.name)")
                XCTAssertEqual(service.logs?.group, "/ecs/app-\(environment.name)/\(service.name)")
            }
        }
        XCTAssertNotNil(fleet.tagDigest("frontend", in: "prod"))
        XCTAssertEqual(fleet.registry?.errors, [])
    }

    func testWarmPollsMakeOnlyTheBatchedCalls() async throws {
        let (setup, simulator) = setup(services: 23, tasks: 2)
        _ = await setup.sources.readOnce()
        simulator.resetCallCounts()
        let fleet = await setup.sources.readOnce()
        let calls = simulator.callCounts()
        // Per environment: ListServices 1 page, DescribeServices ceil(23/10) = 3, ListTasks RUNNING and STOPPED
        // 1 page each, DescribeTasks ceil(tasks/100); task definitions come from the cache.
        XCTAssertEqual(calls["ECS.DescribeServices"], 4 * 3)
        XCTAssertEqual(calls["ECS.ListServices"], 4)
        XCTAssertNil(calls["ECS.DescribeTaskDefinition"], "task definitions are cached by ARN")
        XCTAssertNil(calls["STS.AssumeRole"], "assumed-role credentials are cached until they near expiry")
        XCTAssertEqual(calls["ECR.BatchGetImage"], 23, "one call per repository")
        XCTAssertEqual(fleet.environments.map { $0.snapshot?.apiCalls ?? 0 }.reduce(0, +),
                       calls.filter { !$0.key.hasPrefix("ECR") }.values.reduce(0, +), "snapshots report the calls they made")
    }

    func testAWarmPollerSeesExactlyWhatAColdOneSees() async throws {
        // Warm pollers reuse tasks, services and images whose bytes did not change; after the world has moved
        // (crashes, replacements, pipelines) their snapshot must equal that of pollers that decode everything.
        let clock = ManualClock(now: Date(timeIntervalSince1970: 1_790_000_000))
        let setup = DemoOptionsFactory.make(services: 5, tasks: 4).setup(clock: clock)
        let simulator = try XCTUnwrap(setup.simulator)
        simulator.setCrashes(meanSeconds: 60)
        for _ in 0..<30 {
            _ = await setup.sources.readOnce()
            clock.advance(by: 10)
        }
        let warm = await setup.sources.readOnce()
        let cold = await FleetSetup.demo(simulator: simulator, config: setup.config, clock: clock).sources.readOnce()
        let reused = setup.sources.environments.map { $0.taskCache.statistics.hits }.reduce(0, +)
        XCTAssertGreaterThan(reused, 0, "the warm pollers reused tasks")
        XCTAssertGreaterThan(warm.environments.compactMap(\.snapshot).flatMap(\.services).flatMap(\.tasks).filter { $0.lastStatus == "STOPPED" }.count, 0,
                             "the world moved: some tasks stopped")
        for (warmEnvironment, coldEnvironment) in zip(warm.environments, cold.environments) {
            var warmSnapshot = try XCTUnwrap(warmEnvironment.snapshot)
            let coldSnapshot = try XCTUnwrap(coldEnvironment.snapshot)
            warmSnapshot.apiCalls = coldSnapshot.apiCalls  // the cold pollers also assume roles and read task definitions
            XCTAssertEqual(warmSnapshot, coldSnapshot, warmEnvironment.name)
        }
        XCTAssertEqual(warm.registry?.repositories, cold.registry?.repositories)
    }

    /// A moving world keeps bringing new tasks and replies; every cache must forget what the last two refreshes
    /// did not look up, or a poller left open for days would grow without end.
    func testCachesHoldOnlyWhatTheLastTwoRefreshesLookedUp() async throws {
        let clock = ManualClock(now: Date(timeIntervalSince1970: 1_790_000_000))
        let setup = DemoOptionsFactory.make(services: 5, tasks: 4).setup(clock: clock)
        try XCTUnwrap(setup.simulator).setCrashes(meanSeconds: 30)
        func lookups(_ fetcher: EnvironmentFetcher) -> [Int] {
            [fetcher.taskCache.statistics, fetcher.serviceCache.statistics, fetcher.replyCache.statistics].map { $0.hits + $0.misses }
        }
        func held(_ fetcher: EnvironmentFetcher) -> [Int] {
            [fetcher.taskCache.count, fetcher.serviceCache.count, fetcher.replyCache.count]
        }
        var history = [setup.sources.environments.map(lookups)]
        for refresh in 1...10 {
            _ = await setup.sources.readOnce()
            // Long steps: the first tasks crash on hours, their replacements within a minute.
            clock.advance(by: 600)
            history.append(setup.sources.environments.map(lookups))
            guard refresh >= 2 else { continue }
            for (index, fetcher) in setup.sources.environments.enumerated() {
                let lastTwo = zip(history[refresh][index], history[refresh - 2][index]).map { $0 - $1 }
                for (cache, (count, bound)) in zip(["tasks", "services", "replies"], zip(held(fetcher), lastTwo)) {
                    XCTAssertLessThanOrEqual(count, bound, "refresh \(refresh), \(fetcher.environment.name) \(cache)")
                }
            }
        }
        let stopped = setup.sources.environments.map { $0.taskCache.statistics.misses }.reduce(0, +)
        XCTAssertGreaterThan(stopped, 4 * 5 * 4 * 2, "the world moved: many more tasks were decoded than the fleet holds")
    }

    func testAFailingEnvironmentDoesNotSpoilTheOthers() async throws {
        let (setup, simulator) = setup(services: 3, tasks: 2)
        simulator.injectFailure(environment: "uat", operation: "ListServices", code: "AccessDeniedException", status: 400)
        let fleet = await setup.sources.readOnce()
        XCTAssertEqual(fleet.state("uat")?.error?.code, "AccessDeniedException")
        XCTAssertEqual(fleet.state("uat")?.error?.operation, "ECS ListServices")
        for name in ["dev", "sit", "prod"] {
            XCTAssertNil(fleet.state(name)?.error)
            XCTAssertEqual(fleet.state(name)?.snapshot?.services.count, 3)
        }
        let document = StatusDocument(fleet, now: setup.clock.now(), refresh: 10)
        XCTAssertEqual(document.environments.map(\.ok), [true, true, false, true])
    }
}

/// Builds `DemoOptions` without going through argument parsing.
enum DemoOptionsFactory {
    static func make(services: Int, tasks: Int) -> DemoOptions {
        var options = try! DemoOptions.parse(["--demo"])
        options.demoServices = services
        options.demoTasks = tasks
        return options
    }
}
