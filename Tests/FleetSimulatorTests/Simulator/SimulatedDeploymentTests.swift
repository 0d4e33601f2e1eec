import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
@testable import FleetSimulator
import Foundation
import TestSupport
import XCTest

final class SimulatedDeploymentTests: XCTestCase {
    func testForcedDeploymentRollsToCompletedThroughTaskStates() async throws {
        let harness = SimulatorHarness()
        let ecs = try await harness.ecs("dev", deploy: true)
        let before = try await harness.tasks(ecs, "dev", service: "frontend")
        let updated = try await ecs.updateService(cluster: "app-dev", service: "frontend", forceNewDeployment: true)
        XCTAssertEqual(updated.deployments?.map(\.status), ["PRIMARY", "ACTIVE"])
        XCTAssertEqual(updated.deployments?.first?.rolloutState, "IN_PROGRESS")
        let primaryId = try XCTUnwrap(updated.deployments?.first?.id)

        var seen: Set<String> = []
        var health: Set<String> = []
        for _ in 0..<20 {
            for task in try await harness.tasks(ecs, "dev", service: "frontend") where task.startedBy == primaryId {
                seen.insert(task.lastStatus ?? "")
                health.insert(task.healthStatus ?? "")
            }
            harness.advance(1)
        }
        XCTAssertTrue(seen.isSuperset(of: ["PROVISIONING", "PENDING", "RUNNING"]), "\(seen)")
        XCTAssertTrue(health.isSuperset(of: ["UNKNOWN", "HEALTHY"]), "\(health)")
        harness.advance(30)

        let service = try await harness.service(ecs, "dev", "frontend")
        XCTAssertEqual(service.deployments?.count, 1)
        XCTAssertEqual(service.deployments?.first?.id, primaryId)
        XCTAssertEqual(service.deployments?.first?.rolloutState, "COMPLETED")
        XCTAssertEqual(service.runningCount, 2)
        let messages = service.events?.compactMap(\.message) ?? []
        XCTAssertEqual(messages.first, "(service frontend) has reached a steady state.")
        XCTAssertTrue(messages.contains("(service frontend) deployment \(primaryId) deployment completed."))
        XCTAssertTrue(messages.contains { $0.hasPrefix("(service frontend) has started 2 tasks: (task ") })

        let stopped = try await ecs.describeTasks(cluster: "app-dev", tasks: before.compactMap(\.taskArn)).items
        XCTAssertEqual(stopped.map(\.lastStatus), ["STOPPED", "STOPPED"])
        XCTAssertEqual(stopped.first?.stoppedReason, "Scaling activity initiated by (deployment \(primaryId))")
        XCTAssertEqual(stopped.first?.containers?.first?.exitCode, 0)
        let listedStopped = try await ecs.listTasks(cluster: "app-dev", serviceName: "frontend", desiredStatus: .stopped)
        XCTAssertEqual(Set(listedStopped), Set(before.compactMap(\.taskArn)))
    }

    func testPromotionThenForcedDeploymentRunsTheNewDigest() async throws {
        let harness = SimulatorHarness()
        let ecr = try await harness.ecr(deploy: true)
        let source = try await ecr.batchGetImage(repositoryName: "myapp-frontend", imageIds: [ECRImageIdentifier(imageTag: "uat")]).images[0]
        let manifest = try XCTUnwrap(source.imageManifest)
        let newDigest = try XCTUnwrap(source.imageId?.imageDigest)
        let put = try await ecr.putImage(ECRPutImageRequest(repositoryName: "myapp-frontend", imageManifest: manifest,
                                                            imageManifestMediaType: source.imageManifestMediaType, imageTag: "prod"))
        XCTAssertEqual(put.imageId?.imageDigest, newDigest)
        let again = await SimulatorHarness.error {
            try await ecr.putImage(ECRPutImageRequest(repositoryName: "myapp-frontend", imageManifest: manifest, imageTag: "prod"))
        }
        XCTAssertEqual(again?.code, "ImageAlreadyExistsException")
        let prodTag = try await ecr.describeImages(repositoryName: "myapp-frontend", imageIds: [ECRImageIdentifier(imageTag: "prod")])
        XCTAssertEqual(prodTag.first?.imageDigest, newDigest)

        let ecs = try await harness.ecs("prod", deploy: true)
        let oldDigest = try await harness.tasks(ecs, "prod", service: "frontend").first?.containers?.first?.imageDigest
        XCTAssertNotEqual(oldDigest, newDigest, "prod tasks keep running the old digest until a deployment")
        try await ecs.updateService(cluster: "app-prod", service: "frontend", forceNewDeployment: true)
        harness.advance(60, step: 5)
        let tasks = try await harness.tasks(ecs, "prod", service: "frontend")
        XCTAssertEqual(tasks.count, 2)
        XCTAssertEqual(tasks.compactMap { $0.containers?.first?.imageDigest }, [newDigest, newDigest])
        let observed = try await harness.service(ecs, "prod", "frontend").deployments?.first?.rolloutState
        XCTAssertEqual(observed, "COMPLETED")
    }

    func testBadBuildFailsHealthChecksAndIsRolledBack() async throws {
        let harness = SimulatorHarness()
        let ecr = try await harness.ecr(deploy: true)
        let bad = try await ecr.batchGetImage(repositoryName: "myapp-payments", imageIds: [ECRImageIdentifier(imageTag: "uat")]).images[0]
        try await ecr.putImage(ECRPutImageRequest(repositoryName: "myapp-payments", imageManifest: try XCTUnwrap(bad.imageManifest), imageTag: "prod"))

        let ecs = try await harness.ecs("prod", deploy: true)
        let goodDigest = try await harness.tasks(ecs, "prod", service: "payments").first?.containers?.first?.imageDigest
        let failing = try await ecs.updateService(cluster: "app-prod", service: "payments", forceNewDeployment: true).deployments?.first?.id

        var sawUnhealthy = false
        var failures: Set<String> = []
        for _ in 0..<30 {
            harness.advance(2)
            let running = try await harness.tasks(ecs, "prod", service: "payments")
            sawUnhealthy = sawUnhealthy || running.contains { $0.healthStatus == "UNHEALTHY" && $0.startedBy == failing }
            let stopped = try await harness.tasks(ecs, "prod", service: "payments", desired: .stopped)
            for task in stopped where task.startedBy == failing && task.lastStatus == "STOPPED" {
                failures.insert("\(task.stoppedReason ?? "") / exit \(task.containers?.first?.exitCode ?? -1)")
            }
        }
        XCTAssertTrue(sawUnhealthy)
        XCTAssertTrue(failures.contains("Task failed container health checks / exit 1"), "\(failures)")
        harness.advance(60, step: 5)

        let service = try await harness.service(ecs, "prod", "payments")
        let failed = service.deployments?.first { $0.id == failing }
        XCTAssertNil(failed, "once the rollback has completed, ECS lists only the deployment it rolled back to")
        XCTAssertEqual(service.deployments?.first?.rolloutState, "COMPLETED")
        XCTAssertNotEqual(service.deployments?.first?.id, failing)
        let messages = service.events?.compactMap(\.message) ?? []
        XCTAssertTrue(messages.contains("(service payments) (deployment \(failing ?? "")) deployment failed: tasks failed to start."))
        XCTAssertTrue(messages.contains { $0.hasPrefix("(service payments) rolling back to deployment ecs-svc/") })
        let digests = try await harness.tasks(ecs, "prod", service: "payments").compactMap { $0.containers?.first?.imageDigest }
        XCTAssertEqual(digests, [goodDigest, goodDigest].compactMap { $0 })
    }

    func testFailedDeploymentIsVisibleWhileRollingBack() async throws {
        let harness = SimulatorHarness()
        let ecs = try await harness.ecs("uat", deploy: true)
        // uat's payments tag already names the bad build; a restart deploys it.
        let failing = try await ecs.updateService(cluster: "app-uat", service: "payments", forceNewDeployment: true).deployments?.first?.id
        var failedSeen = false
        for _ in 0..<40 where !failedSeen {
            harness.advance(2)
            let service = try await harness.service(ecs, "uat", "payments")
            if let deployment = service.deployments?.first(where: { $0.id == failing }), deployment.rolloutState == "FAILED" {
                failedSeen = true
                XCTAssertEqual(deployment.status, "ACTIVE")
                XCTAssertEqual(deployment.rolloutStateReason, "ECS deployment circuit breaker: tasks failed to start.")
                XCTAssertGreaterThanOrEqual(deployment.failedTasks ?? 0, 3)
                XCTAssertEqual(service.deployments?.first?.rolloutState, "IN_PROGRESS")
            }
        }
        XCTAssertTrue(failedSeen)
    }

    func testReadOnlyRoleIsDeniedWrites() async throws {
        let harness = SimulatorHarness()
        let ecr = try await harness.ecr()
        let image = try await ecr.batchGetImage(repositoryName: "myapp-frontend", imageIds: [ECRImageIdentifier(imageTag: "uat")]).images[0]
        let denied = await SimulatorHarness.error {
            try await ecr.putImage(ECRPutImageRequest(repositoryName: "myapp-frontend", imageManifest: image.imageManifest ?? "", imageTag: "prod"))
        }
        XCTAssertEqual(denied?.code, "AccessDeniedException")
        XCTAssertEqual(denied?.kind, .accessDenied)
        XCTAssertTrue(denied?.message.hasPrefix("User: arn:aws:sts::111111111111:assumed-role/DashboardReadOnly/ecsdash-test is not authorized to perform: ecr:PutImage on resource: arn:aws:ecr:eu-west-1:111111111111:repository/myapp-frontend") ?? false,
                      denied?.message ?? "")
        let ecs = try await harness.ecs("prod")
        let update = await SimulatorHarness.error { try await ecs.updateService(cluster: "app-prod", service: "frontend", forceNewDeployment: true) }
        XCTAssertTrue(update?.message.contains("ecs:UpdateService") ?? false)
        let prod = try await ecr.describeImages(repositoryName: "myapp-frontend", imageIds: [ECRImageIdentifier(imageTag: "prod")])
        XCTAssertNotEqual(prod.first?.imageDigest, image.imageId?.imageDigest, "nothing changed")
    }

    func testStopTaskIsReplacedAndNewRevisionsDeploy() async throws {
        let harness = SimulatorHarness()
        let ecs = try await harness.ecs("sit", deploy: true)
        let workers = try await harness.tasks(ecs, "sit", service: "worker")
        let victim = try XCTUnwrap(workers.first)
        let stopping = try await ecs.stopTask(cluster: "app-sit", task: try XCTUnwrap(victim.taskArn), reason: "ecsdash test")
        XCTAssertEqual(stopping.desiredStatus, "STOPPED")
        harness.advance(20, step: 2)
        let stopped = try await ecs.describeTasks(cluster: "app-sit", tasks: [victim.taskArn ?? ""]).items.first
        XCTAssertEqual(stopped?.lastStatus, "STOPPED")
        XCTAssertEqual(stopped?.stoppedReason, "ecsdash test")
        XCTAssertEqual(stopped?.stopCode, "UserInitiated")
        let running = try await harness.tasks(ecs, "sit", service: "worker")
        XCTAssertEqual(running.count, 2)
        XCTAssertFalse(running.contains { $0.taskArn == victim.taskArn })

        let current = try await ecs.describeTaskDefinition(try XCTUnwrap(victim.taskDefinitionArn)).taskDefinition
        let registered = try await ecs.registerTaskDefinition(current)
        XCTAssertEqual(registered.revision, (current.revision ?? 0) + 1)
        XCTAssertEqual(registered.containerDefinitions, current.containerDefinitions)
        try await ecs.updateService(cluster: "app-sit", service: "worker", taskDefinition: registered.taskDefinitionArn)
        harness.advance(60, step: 5)
        let service = try await harness.service(ecs, "sit", "worker")
        XCTAssertEqual(service.taskDefinition, registered.taskDefinitionArn)
        XCTAssertEqual(service.deployments?.first?.rolloutState, "COMPLETED")
        let observed = try await harness.tasks(ecs, "sit", service: "worker").allSatisfy { $0.taskDefinitionArn == registered.taskDefinitionArn }
        XCTAssertTrue(observed)
    }

    func testTasksOccasionallyCrashOutOfMemoryAndAreReplaced() async throws {
        let harness = SimulatorHarness()
        harness.fleet.setCrashes(meanSeconds: 120)
        let ecs = try await harness.ecs("dev", deploy: true)
        try await ecs.updateService(cluster: "app-dev", service: "worker", forceNewDeployment: true)
        harness.advance(900, step: 30)
        let stopped = try await harness.tasks(ecs, "dev", service: "worker", desired: .stopped)
        let crashed = stopped.filter { $0.containers?.first?.exitCode == 137 }
        XCTAssertFalse(crashed.isEmpty)
        XCTAssertEqual(crashed.first?.containers?.first?.reason, "OutOfMemoryError: Container killed due to memory usage")
        XCTAssertEqual(crashed.first?.stopCode, "EssentialContainerExited")
        let observed = try await harness.tasks(ecs, "dev", service: "worker").count
        XCTAssertEqual(observed, 2, "crashed tasks are replaced")
    }

    func testTargetHealthFollowsTheTasks() async throws {
        let harness = SimulatorHarness()
        let context = try await harness.roleContext("dev")
        let elb = ELBv2Client(context: context)
        let groups = try await elb.describeTargetGroups()
        XCTAssertEqual(groups.map(\.targetGroupName), ["dev-frontend", "dev-backend", "dev-payments", "dev-search"])
        let frontend = try await harness.service(ECSClient(context: context), "dev", "frontend")
        let arn = try XCTUnwrap(frontend.loadBalancers?.first?.targetGroupArn)
        XCTAssertEqual(groups.first?.targetGroupArn, arn)
        let health = try await elb.describeTargetHealth(targetGroupArn: arn)
        XCTAssertEqual(health.map(\.state), ["healthy", "healthy"])
        let ips = try await harness.tasks(ECSClient(context: context), "dev", service: "frontend").compactMap(\.privateIPv4Address)
        XCTAssertEqual(Set(health.compactMap(\.targetId)), Set(ips))
        let missing = await SimulatorHarness.error { try await elb.describeTargetHealth(targetGroupArn: "arn:aws:elasticloadbalancing:eu-west-1:222222222222:targetgroup/x/1") }
        XCTAssertEqual(missing?.code, "TargetGroupNotFound")
    }
}
