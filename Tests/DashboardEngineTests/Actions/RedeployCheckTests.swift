@testable import DashboardEngine
@testable import DashboardModel
@testable import FleetSimulator
import Foundation
import TestSupport
import XCTest

/// Whether a target runs the digest its tag names, from rich ECS replies (task digests) and poor ones (moto: none).
final class RedeployCheckTests: XCTestCase {
    let new = "sha256:" + String(repeating: "a", count: 64)
    let old = "sha256:" + String(repeating: "b", count: 64)
    let moved = Date(timeIntervalSince1970: 1_700_000_000)

    func testTaskDigestsDecideWhenECSReportsThem() {
        let runs = RedeployCheck.verdict(.fixture(name: "web", digests: [new, new]), environment: "prod", digest: new, tagMovedAt: nil, redeployedAt: nil)
        XCTAssertEqual(runs.state, .runs)
        XCTAssertEqual(runs.text, "prod runs sha256:aaaaaaaaaaaa (web: 2 of 2 running tasks)")
        let rolling = RedeployCheck.verdict(.fixture(name: "web", digests: [old, new]), environment: "prod", digest: new, tagMovedAt: nil, redeployedAt: nil)
        XCTAssertEqual(rolling.state, .runs, "a deployment of the digest reached ECS")
        let behind = RedeployCheck.verdict(.fixture(name: "web", digests: [old, old]), environment: "prod", digest: new, tagMovedAt: moved,
                                           redeployedAt: moved.addingTimeInterval(1))
        XCTAssertEqual(behind.state, .behind, "the tasks' digests outweigh the audit log")
        XCTAssertEqual(behind.text, "prod still runs sha256:bbbbbbbbbbbb (web)")
        XCTAssertEqual(behind.running, old)
    }

    func testADeploymentStartedAfterTheMoveWhoseTasksHaveNotStartedCounts() {
        var service = ServiceSnapshot.fixture(name: "web", rollout: .inProgress, digests: [old, old])
        service.deployments[0].createdAt = moved.addingTimeInterval(2)
        XCTAssertEqual(RedeployCheck.verdict(service, environment: "prod", digest: new, tagMovedAt: moved, redeployedAt: nil).state, .runs)
        service.deployments[0].createdAt = moved.addingTimeInterval(-60)
        XCTAssertEqual(RedeployCheck.verdict(service, environment: "prod", digest: new, tagMovedAt: moved, redeployedAt: nil).state, .behind,
                       "a rollout that began before the move resolved the old digest")
    }

    /// moto: tasks without digests, one deployment whose creation time forceNewDeployment resets.
    func testWithoutDigestsTheDeploymentTimeIsHeldAgainstTheMove() {
        var service = Self.withoutDigests(.fixture(name: "web", digests: [old, old]))
        service.deployments[0].createdAt = moved.addingTimeInterval(-3600)
        let before = RedeployCheck.verdict(service, environment: "prod", digest: new, tagMovedAt: moved, redeployedAt: nil)
        XCTAssertEqual(before.state, .behind)
        XCTAssertTrue(before.text.hasPrefix("ECS reports no image digests for prod/web; its deployment ecs-svc/1 was created at "), before.text)
        XCTAssertTrue(before.text.contains(", before the tag moved at "), before.text)
        service.deployments[0].createdAt = moved.addingTimeInterval(0.5)
        XCTAssertEqual(RedeployCheck.verdict(service, environment: "prod", digest: new, tagMovedAt: moved, redeployedAt: nil).state, .runs)
    }

    func testWithoutDigestsOrTimesTheAuditLogDecidesAndSilenceMeansRedeploy() {
        let service = Self.withoutDigests(.fixture(name: "web", digests: [old]))
        XCTAssertEqual(RedeployCheck.verdict(service, environment: "prod", digest: new, tagMovedAt: moved, redeployedAt: moved.addingTimeInterval(1)).state, .runs)
        XCTAssertEqual(RedeployCheck.verdict(service, environment: "prod", digest: new, tagMovedAt: moved, redeployedAt: nil).state, .behind)
        let unknown = RedeployCheck.verdict(service, environment: "prod", digest: new, tagMovedAt: nil, redeployedAt: nil)
        XCTAssertEqual(unknown.state, .behind, "nothing shows a deployment since the move: never call it done")
        XCTAssertTrue(unknown.text.contains("audit log does not say when the tag moved"), unknown.text)
    }

    func testAFailedOrRolledBackDeploymentSinceTheMoveIsNotRepeated() {
        var service = ServiceSnapshot.fixture(name: "web", digests: [old, old])
        service.deployments.append(DeploymentSnapshot(id: "ecs-svc/2", status: "ACTIVE", taskDefinitionArn: "arn:td/web:1", revision: 1, desired: 0,
                                                      running: 0, pending: 0, failed: 3, rolloutState: .failed,
                                                      rolloutReason: "ECS deployment circuit breaker: tasks failed to start.",
                                                      createdAt: moved.addingTimeInterval(1), updatedAt: nil))
        XCTAssertEqual(RedeployCheck.verdict(service, environment: "prod", digest: new, tagMovedAt: moved, redeployedAt: nil).state, .rolledBack)
        service.deployments[1].createdAt = moved.addingTimeInterval(-600)
        XCTAssertEqual(RedeployCheck.verdict(service, environment: "prod", digest: new, tagMovedAt: moved, redeployedAt: nil).state, .behind,
                       "a failure from before the move is about another image")
        service.deployments.removeLast()
        service.events = [ServiceEventSnapshot(id: "e", createdAt: moved.addingTimeInterval(5), message: "(service web) rolling back to deployment ecs-svc/1.")]
        XCTAssertEqual(RedeployCheck.verdict(service, environment: "prod", digest: new, tagMovedAt: moved, redeployedAt: nil).state, .rolledBack)
    }

    func testTheAuditTrailFindsTheMoveAndTheRedeployAfterIt() {
        func record(_ step: String, _ result: String, at seconds: TimeInterval, action: String = "promote", digest: String) -> AuditRecord {
            AuditRecord(time: AuditRecord.timestamp(moved.addingTimeInterval(seconds)), identity: nil, action: action, service: "web",
                        environment: "prod", from: "uat", to: "prod", step: step, oldDigest: old, newDigest: digest, gates: [], overrides: [],
                        reason: nil, result: result, error: nil, requestIds: [])
        }
        let move = PlannedCall.putImage(repository: "myapp-web", tag: "prod", digest: new, manifest: "", mediaType: nil).summary
        let keep = PlannedCall.putImage(repository: "myapp-web", tag: "prod-previous", digest: old, manifest: "", mediaType: nil).summary
        let redeploy = PlannedCall.updateService(environment: "prod", cluster: "app", service: "web", taskDefinition: nil).summary
        let trail = AuditTrail(records: [
            record(redeploy, "ok", at: -100, digest: old),
            record(keep, "ok", at: 0.1, digest: new),
            record(move, "ok", at: 0.2, digest: new),
            record(redeploy, "failed", at: 0.3, digest: new),
            record(move, "already-done", at: 50, digest: new),
        ])
        XCTAssertEqual(trail.tagMoved(environment: "prod", repository: "myapp-web", tag: "prod", to: new)?.timeIntervalSince(moved) ?? 0, 0.2, accuracy: 0.01,
                       "the step that moved it, not a later one that found it moved")
        XCTAssertNil(trail.tagMoved(environment: "prod", repository: "myapp-web", tag: "prod", to: old))
        XCTAssertNil(trail.redeployed(environment: "prod", cluster: "app", service: "web", since: moved), "only a failed one since")
        XCTAssertEqual(trail.lastTagMove(environment: "prod", repository: "myapp-web", tag: "prod")?.result, "already-done")
        XCTAssertNil(trail.lastTagMove(environment: "uat", repository: "myapp-web", tag: "prod"))
    }

    static func withoutDigests(_ service: ServiceSnapshot) -> ServiceSnapshot {
        var service = service
        for index in service.tasks.indices {
            for container in service.tasks[index].containers.indices { service.tasks[index].containers[container].imageDigest = nil }
        }
        return service
    }
}
