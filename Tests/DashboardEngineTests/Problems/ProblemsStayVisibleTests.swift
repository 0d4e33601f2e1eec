import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
@testable import DashboardViews
@testable import FleetSimulator
import Foundation
import TestSupport
import XCTest

/// On the simulated fleet, through the real polling path: a circuit-breaker rollback, an OOM kill and a stuck
/// rollout stay on the matrix for the problem window after ECS has recovered, and then clear.
final class ProblemsStayVisibleTests: XCTestCase {
    let harness = SimulatorHarness()
    lazy var setup = FleetSetup.demo(simulator: harness.fleet, config: DemoFleet.config(), clock: harness.clock)
    lazy var fleet = FleetSnapshot(environmentNames: setup.config.environments.map(\.name))

    override func setUp() {
        harness.fleet.setCrashes(meanSeconds: nil)
    }

    /// One poll of `environment`, merged into the long-lived fleet as the dashboard's reducer does.
    func poll(_ environment: String) async throws {
        let read = await setup.sources.readOnce(only: [environment])
        let snapshot = try XCTUnwrap(read.state(environment)?.snapshot, "\(environment): \(String(describing: read.state(environment)?.error))")
        fleet.apply(.environmentFetched(snapshot))
    }

    func health(_ service: String, _ environment: String) -> String {
        MatrixCell.build(service: service, environment: environment, fleet: fleet, symbols: .unicode, frame: 0,
                         now: harness.clock.now(), refresh: 1_000_000).health
    }

    /// Advances simulated time in steps, polling after each, as the dashboard would.
    func live(_ seconds: Double, step: Double = 30, _ environment: String) async throws {
        var left = seconds
        while left > 0 {
            harness.advance(min(step, left), step: 5)
            left -= step
            try await poll(environment)
        }
    }

    func testARolledBackBuildStaysVisibleForTheWindowThenClears() async throws {
        let ecr = try await harness.ecr(deploy: true)
        let bad = try await ecr.batchGetImage(repositoryName: "myapp-payments", imageIds: [ECRImageIdentifier(imageTag: "uat")]).images[0]
        try await ecr.putImage(ECRPutImageRequest(repositoryName: "myapp-payments", imageManifest: try XCTUnwrap(bad.imageManifest), imageTag: "prod"))
        let ecs = try await harness.ecs("prod", deploy: true)
        try await ecs.updateService(cluster: "app-prod", service: "payments", forceNewDeployment: true)
        try await poll("prod")
        XCTAssertFalse(health("payments", "prod").contains("rolled back"), "nothing has failed yet: \(health("payments", "prod"))")

        // Long enough for the breaker to trip and the rollback to finish: ECS is healthy again.
        try await live(300, "prod")
        let recovered = try await harness.service(ecs, "prod", "payments")
        XCTAssertEqual(recovered.deployments?.count, 1, "ECS lists only the deployment it rolled back to")
        XCTAssertEqual(recovered.deployments?.first?.rolloutState, "COMPLETED")
        XCTAssertTrue(health("payments", "prod").contains("rolled back"), "five minutes on, after ECS recovered: \(health("payments", "prod"))")
        XCTAssertEqual(fleet.problems.servicesWithProblems(in: "prod", now: harness.clock.now()), 1)

        try await live(3_600, step: 600, "prod")
        XCTAssertFalse(health("payments", "prod").contains("rolled back"), "over an hour old: \(health("payments", "prod"))")
        XCTAssertEqual(fleet.problems.servicesWithProblems(in: "prod", now: harness.clock.now()), 0)
    }

    func testAnOOMKillStaysVisibleAfterTheTaskIsReplaced() async throws {
        try await poll("dev")
        // Crashes are drawn when a task starts, so new tasks are started under a short mean time to crash.
        harness.fleet.setCrashes(meanSeconds: 20)
        let ecs = try await harness.ecs("dev", deploy: true)
        try await ecs.updateService(cluster: "app-dev", service: "frontend", forceNewDeployment: true)
        try await live(120, step: 10, "dev")
        harness.fleet.setCrashes(meanSeconds: nil)
        try await ecs.updateService(cluster: "app-dev", service: "frontend", forceNewDeployment: true)
        let service = "frontend"
        XCTAssertFalse(fleet.problems(service, in: "dev", now: harness.clock.now()).isEmpty, "frontend's tasks crashed within two minutes at a 20 s mean")
        try await live(300, "dev")
        let snapshot = try XCTUnwrap(fleet.service(service, in: "dev"))
        XCTAssertEqual(snapshot.running, snapshot.desired, "ECS replaced the crashed tasks")
        XCTAssertTrue(health(service, "dev").contains("(OOM)"), "the crash is still on the cell: \(health(service, "dev"))")
    }

    func testAStuckRolloutIsDrawnAsStuck() {
        var service = ServiceSnapshot.fixture(name: "web", running: 1, rollout: .inProgress)
        service.deployments[0].createdAt = Date(timeIntervalSince1970: 1_000)
        let snapshot = EnvironmentSnapshot(environment: "dev", account: "222222222222", cluster: "app", fetchedAt: Date(timeIntervalSince1970: 1_000 + 14 * 60),
                                           services: [service], pipelines: [], errors: [], apiCalls: 1)
        var fleet = FleetSnapshot(environmentNames: ["dev"])
        fleet.apply(.environmentFetched(snapshot))
        let cell = MatrixCell.build(service: "web", environment: "dev", fleet: fleet, symbols: .unicode, frame: 0, now: snapshot.fetchedAt, refresh: 10)
        XCTAssertTrue(cell.health.hasSuffix("stuck 14m"), cell.health)
        XCTAssertEqual(cell.healthStyle, .warn)

        // Once the rollout finishes, stuck is no longer a problem.
        service.deployments[0].rolloutState = .completed
        service.rolloutState = .completed
        service.running = 2
        var done = snapshot
        done.services = [service]
        done.fetchedAt = snapshot.fetchedAt.addingTimeInterval(30)
        fleet.apply(.environmentFetched(done))
        XCTAssertEqual(fleet.problems("web", in: "dev", now: done.fetchedAt), [])
    }
}
