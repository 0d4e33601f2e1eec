import AWSClient
@testable import FleetSimulator
import Foundation
import TestSupport
import XCTest

/// A fleet rebuilt from its record is the same world: same services, tasks, events and images, now and later.
final class SimulatedWorldRecordTests: XCTestCase {
    /// With crashes on, as `--demo` runs: their schedules must survive the rebuild too.
    func testAWorldAfterAPromotionEqualsTheOneRebuiltFromItsRecord() async throws {
        let clock = ManualClock(now: Date(timeIntervalSince1970: 1_750_000_000))
        let original = SimulatedFleet(clock: clock)
        clock.advance(by: 90)
        try await promoteFrontendToProd(original, clock: clock)
        for _ in 0..<40 { clock.advance(by: 1); _ = try await fingerprint(original, clock: clock, environments: ["prod"]) }
        let ecs = ECSClient(context: try await context(original, clock: clock, environment: "dev", deploy: true))
        let backendTasks = try await ecs.listTasks(cluster: "app-dev", serviceName: "backend")
        let victim = try XCTUnwrap(backendTasks.first)
        _ = try await ecs.stopTask(cluster: "app-dev", task: victim, reason: "test")
        clock.advance(by: 5)

        let record = original.record()
        XCTAssertEqual(record.changes.map(\.name), ["ECR.PutImage", "ECR.PutImage", "ECS.UpdateService", "ECS.StopTask"])
        let restored = try SimulatedFleet(clock: clock, restoring: record)
        XCTAssertEqual(restored.record(), record)
        let now = try await fingerprint(original, clock: clock)
        let restoredNow = try await fingerprint(restored, clock: clock)
        XCTAssertEqual(restoredNow, now)
        XCTAssertTrue(now.joined().contains("prod-previous"), "the promotion is in the world")

        // Hours on, with crashes and their replacements: still one world.
        clock.advance(by: 6 * 3600)
        let later = try await fingerprint(original, clock: clock)
        let restoredLater = try await fingerprint(restored, clock: clock)
        XCTAssertEqual(restoredLater, later)
        XCTAssertNotEqual(later, now)
    }

    func testTheRecordSurvivesJSONExactly() throws {
        let clock = ManualClock(now: Date(timeIntervalSince1970: 1_750_000_000.123_456_7))
        let fleet = SimulatedFleet(clock: clock, servicesPerEnvironment: 3, tasksPerService: 1)
        let record = fleet.record()
        let decoded = try JSONDecoder().decode(SimulatedWorldRecord.self, from: try JSONEncoder().encode(record))
        XCTAssertEqual(decoded, record)
        XCTAssertEqual(decoded.origin, 1_750_000_000.123_456_7)
    }

    func testAChangeThatNoLongerReplaysIsNamed() {
        let clock = ManualClock(now: Date(timeIntervalSince1970: 1_750_000_000))
        var record = SimulatedFleet(clock: clock).record()
        let call = SimulatedCall(service: .ecs, operation: "UpdateService", accessKeyId: "", region: SimulatedFleet.region, sessionToken: nil,
                                 body: .fields(["cluster": "app-prod", "service": "no-such-service"]), form: [:])
        let identity = SimulatedIdentity(account: SimulatedFleet.environmentAccounts["prod"] ?? "", arn: "arn:aws:sts::555555555555:assumed-role/DashboardDeployer/x",
                                         userId: "AROA:x", roleName: SimulatedFleet.deployRoleName, secretAccessKey: "", sessionToken: nil, expiration: nil)
        record.changes = [SimulatedChange(at: record.origin + 10, call: call, identity: identity)]
        XCTAssertThrowsError(try SimulatedFleet(clock: clock, restoring: record)) { error in
            XCTAssertEqual((error as? SimulatedReplayError)?.change, 1)
            XCTAssertTrue("\(error)".hasPrefix("change 1 (ECS.UpdateService) does not replay: "), "\(error)")
        }
        record.changes[0].at = record.origin - 1
        XCTAssertThrowsError(try SimulatedFleet(clock: clock, restoring: record)) { error in
            XCTAssertTrue("\(error)".contains("dated before"), "\(error)")
        }
    }

    func testMergingTwoHistoriesKeepsTimeOrderAndTheFirstOnTies() {
        let call = SimulatedCall(service: .ecs, operation: "StopTask", accessKeyId: "", region: "eu-west-1", sessionToken: nil, body: .object([]), form: [:])
        let identity = SimulatedIdentity(account: "1", arn: "a", userId: "u", roleName: nil, secretAccessKey: "", sessionToken: nil, expiration: nil)
        func change(_ at: Double, _ tag: String) -> SimulatedChange {
            var change = SimulatedChange(at: at, call: call, identity: identity)
            change.arn = tag
            return change
        }
        let merged = SimulatedWorldRecord.merged([change(1, "a1"), change(3, "a3")], [change(2, "b2"), change(3, "b3"), change(4, "b4")])
        XCTAssertEqual(merged.map(\.arn), ["a1", "b2", "a3", "b3", "b4"])
    }

    // MARK: Helpers

    /// uat's frontend image becomes prod's (keeping prod-previous) and prod redeploys, as `promote` does.
    private func promoteFrontendToProd(_ fleet: SimulatedFleet, clock: ManualClock) async throws {
        let ecr = ECRClient(context: try await context(fleet, clock: clock, environment: "registry", deploy: true))
        let images = try await ecr.batchGetImage(repositoryName: "myapp-frontend", imageIds: [ECRImageIdentifier(imageTag: "uat"), ECRImageIdentifier(imageTag: "prod")])
        let uat = try XCTUnwrap(images.images.first { $0.imageId?.imageTag == "uat" })
        let prod = try XCTUnwrap(images.images.first { $0.imageId?.imageTag == "prod" })
        try await ecr.putImage(ECRPutImageRequest(repositoryName: "myapp-frontend", imageManifest: try XCTUnwrap(prod.imageManifest),
                                                  imageManifestMediaType: prod.imageManifestMediaType, imageTag: "prod-previous"))
        clock.advance(by: 1)
        try await ecr.putImage(ECRPutImageRequest(repositoryName: "myapp-frontend", imageManifest: try XCTUnwrap(uat.imageManifest),
                                                  imageManifestMediaType: uat.imageManifestMediaType, imageTag: "prod"))
        clock.advance(by: 1)
        let ecs = ECSClient(context: try await context(fleet, clock: clock, environment: "prod", deploy: true))
        _ = try await ecs.updateService(cluster: "app-prod", service: "frontend", forceNewDeployment: true)
    }

    /// What a poller can see of the world, as raw replies: services (with events and deployments), every task, and
    /// the frontend repository's images.
    private func fingerprint(_ fleet: SimulatedFleet, clock: ManualClock, environments: [String] = SimulatedFleet.environmentNames) async throws -> [String] {
        var replies: [String] = []
        for environment in environments {
            let ecs = AWSServiceClient(service: .ecs, context: try await context(fleet, clock: clock, environment: environment))
            let cluster = "app-\(environment)"
            let services = ["frontend", "backend", "worker", "payments", "search"].map { "\"\($0)\"" }.joined(separator: ",")
            replies.append(String(decoding: try await ecs.jsonRaw("DescribeServices", body: Data(#"{"cluster":"\#(cluster)","services":[\#(services)]}"#.utf8)), as: UTF8.self))
            for status in ["RUNNING", "STOPPED"] {
                let list = try await ecs.jsonRaw("ListTasks", body: Data(#"{"cluster":"\#(cluster)","desiredStatus":"\#(status)","maxResults":100}"#.utf8))
                let arns = try XCTUnwrap((try JSONSerialization.jsonObject(with: list) as? [String: Any])?["taskArns"] as? [String])
                guard !arns.isEmpty else { continue }
                let body = try JSONSerialization.data(withJSONObject: ["cluster": cluster, "tasks": arns])
                replies.append(String(decoding: try await ecs.jsonRaw("DescribeTasks", body: body), as: UTF8.self))
            }
        }
        let ecr = AWSServiceClient(service: .ecr, context: try await context(fleet, clock: clock, environment: "registry"))
        replies.append(String(decoding: try await ecr.jsonRaw("DescribeImages", body: Data(#"{"repositoryName":"myapp-frontend"}"#.utf8)), as: UTF8.self))
        return replies
    }

    private func context(_ fleet: SimulatedFleet, clock: ManualClock, environment: String, deploy: Bool = false) async throws -> AWSClientContext {
        func context(_ credentials: Credentials) -> AWSClientContext {
            AWSClientContext(region: SimulatedFleet.region, credentials: StaticCredentialProvider(credentials), transport: fleet.transport, clock: clock,
                             retryPolicy: .none)
        }
        let account = environment == "registry" ? SimulatedFleet.registryAccount : SimulatedFleet.environmentAccounts[environment] ?? ""
        let role = deploy ? SimulatedFleet.deployRoleName : SimulatedFleet.readOnlyRoleName
        let assumed = try await STSClient(context: context(SimulatedFleet.demoCredentials)).assumeRole(
            AssumeRoleRequest(roleArn: "arn:aws:iam::\(account):role/\(role)", sessionName: "ecsdash-test"))
        return context(assumed.credentials)
    }
}
