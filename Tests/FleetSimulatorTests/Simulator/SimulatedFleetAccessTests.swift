import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
@testable import FleetSimulator
import Foundation
import TestSupport
import XCTest

final class SimulatedFleetAccessTests: XCTestCase {
    func testAssumeRoleThenListAndDescribeServices() async throws {
        let harness = SimulatorHarness()
        let identity = try await STSClient(context: harness.baseContext).getCallerIdentity()
        XCTAssertEqual(identity.account, "999999999999")
        XCTAssertEqual(identity.arn, "arn:aws:iam::999999999999:user/demo")

        let context = try await harness.roleContext("uat")
        let roleIdentity = try await STSClient(context: context).getCallerIdentity()
        XCTAssertEqual(roleIdentity.arn, "arn:aws:sts::444444444444:assumed-role/DashboardReadOnly/ecsdash-test")
        XCTAssertEqual(roleIdentity.account, "444444444444")

        let ecs = ECSClient(context: context)
        let observed = try await ecs.listClusters()
        XCTAssertEqual(observed, ["arn:aws:ecs:eu-west-1:444444444444:cluster/app-uat"])
        let arns = try await ecs.listServices(cluster: "app-uat")
        XCTAssertEqual(arns.count, 5)
        XCTAssertEqual(arns.first, "arn:aws:ecs:eu-west-1:444444444444:service/app-uat/frontend")
        let described = try await ecs.describeServices(cluster: "app-uat", services: ["frontend", "ghost"])
        let frontend = try XCTUnwrap(described.items.first)
        XCTAssertEqual(described.failures.first?.reason, "MISSING")
        XCTAssertEqual(frontend.desiredCount, 2)
        XCTAssertEqual(frontend.runningCount, 2)
        XCTAssertEqual(frontend.deployments?.count, 1)
        XCTAssertEqual(frontend.deployments?.first?.rolloutState, "COMPLETED")
        XCTAssertEqual(frontend.deploymentConfiguration?.deploymentCircuitBreaker, ECSDeploymentCircuitBreaker(enable: true, rollback: true))
        XCTAssertTrue(frontend.taskDefinition?.hasPrefix("arn:aws:ecs:eu-west-1:444444444444:task-definition/uat-frontend:") ?? false)
        XCTAssertNotNil(frontend.loadBalancers?.first?.targetGroupArn)
        XCTAssertTrue(frontend.events?.contains { $0.message == "(service frontend) has reached a steady state." } ?? false)

        let definition = try await ecs.describeTaskDefinition(try XCTUnwrap(frontend.taskDefinition)).taskDefinition
        let container = try XCTUnwrap(definition.containerDefinitions?.first)
        XCTAssertEqual(definition.family, "uat-frontend")
        XCTAssertEqual(container.name, "frontend")
        XCTAssertEqual(container.image, "111111111111.dkr.ecr.eu-west-1.amazonaws.com/myapp-frontend:uat")
        XCTAssertEqual(container.logConfiguration?.options?["awslogs-group"], "/ecs/app-uat/frontend")
        XCTAssertEqual(container.logConfiguration?.options?["awslogs-stream-prefix"], "ecs")

        let tasks = try await harness.tasks(ecs, "uat", service: "frontend")
        XCTAssertEqual(tasks.count, 2)
        XCTAssertTrue(tasks.allSatisfy { $0.lastStatus == "RUNNING" && $0.healthStatus == "HEALTHY" && $0.group == "service:frontend" })
        let digest = try XCTUnwrap(tasks.first?.containers?.first?.imageDigest)
        let uatImage = try await harness.ecr().describeImages(repositoryName: "myapp-frontend", imageIds: [ECRImageIdentifier(imageTag: "uat")])
        XCTAssertEqual(uatImage.first?.imageDigest, digest)
        XCTAssertNotNil(tasks.first?.privateIPv4Address)
    }

    func testRegistryHoldsBuildsAndEnvironmentTags() async throws {
        let harness = SimulatorHarness()
        let ecr = try await harness.ecr()
        let repositories = try await ecr.describeRepositories()
        XCTAssertEqual(repositories.map(\.repositoryName), ["myapp-frontend", "myapp-backend", "myapp-worker", "myapp-payments", "myapp-search"])
        let images = try await ecr.describeImages(repositoryName: "myapp-frontend")
        XCTAssertEqual(images.count, 8)
        func digest(_ tag: String) -> String? { images.first { $0.imageTags?.contains(tag) ?? false }?.imageDigest }
        XCTAssertNotEqual(digest("uat"), digest("prod"), "frontend has something to promote")
        XCTAssertNotNil(digest("prod-previous"))
        let backend = try await ecr.describeImages(repositoryName: "myapp-backend", imageIds: [ECRImageIdentifier(imageTag: "uat"), ECRImageIdentifier(imageTag: "prod")])
        XCTAssertEqual(backend[0].imageDigest, backend[1].imageDigest, "backend is fully promoted")

        let batch = try await ecr.batchGetImage(repositoryName: "myapp-frontend", imageIds: [ECRImageIdentifier(imageTag: "dev"), ECRImageIdentifier(imageTag: "nope")])
        let manifest = try XCTUnwrap(batch.images.first?.imageManifest)
        XCTAssertEqual(SimulatedImage.digest(of: manifest), batch.images.first?.imageId?.imageDigest)
        XCTAssertEqual(batch.failures.first?.failureCode, "ImageNotFound")
        XCTAssertTrue(manifest.contains("application/vnd.docker.distribution.manifest.v2+json"))
        // The bad build exists and is what uat's payments tag points at.
        let payments = try await ecr.batchGetImage(repositoryName: "myapp-payments", imageIds: [ECRImageIdentifier(imageTag: "uat")])
        XCTAssertTrue(payments.images.first?.imageManifest?.contains("\"bad\"") ?? false)
    }

    func testUnknownKeysMissingSignaturesAndOtherAccounts() async throws {
        let harness = SimulatorHarness()
        let stranger = ECSClient(context: harness.context(Credentials(accessKeyId: "AKIANOTKNOWN00000000", secretAccessKey: "x")))
        let unknown = await SimulatorHarness.error { try await stranger.listClusters() }
        XCTAssertEqual(unknown?.code, "UnrecognizedClientException")
        XCTAssertEqual(unknown?.status, 403)

        let unsigned = try await harness.fleet.transport.send(HTTPRequest(method: "POST", endpoint: Endpoint(host: "ecs.eu-west-1.amazonaws.com"),
                                                                          headers: HTTPHeaders([("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters")])))
        XCTAssertEqual(unsigned.status, 403)
        XCTAssertTrue(String(decoding: unsigned.body, as: UTF8.self).contains("MissingAuthenticationTokenException"))

        // The base identity has an account of its own, and it is empty, as on AWS.
        let base = ECSClient(context: harness.baseContext)
        let observed = try await base.listClusters()
        XCTAssertEqual(observed, [])
        let missing = await SimulatorHarness.error { try await base.listServices(cluster: "app-prod") }
        XCTAssertEqual(missing?.code, "ClusterNotFoundException")

        let denied = await SimulatorHarness.error {
            try await STSClient(context: harness.baseContext).assumeRole(AssumeRoleRequest(roleArn: "arn:aws:iam::555555555555:role/Admin", sessionName: "x1"))
        }
        XCTAssertEqual(denied?.code, "AccessDenied")

        let unknownOperation = await SimulatorHarness.error {
            try await AWSServiceClient(service: .ecs, context: harness.baseContext).jsonRaw("DescribeEverything", body: Data("{}".utf8))
        }
        XCTAssertEqual(unknownOperation?.code, "UnknownOperationException")
    }

    func testTemporaryKeysExpire() async throws {
        let harness = SimulatorHarness()
        let ecs = try await harness.ecs("dev")
        _ = try await ecs.listClusters()
        harness.clock.advance(by: 3601)
        let expired = await SimulatorHarness.error { try await ecs.listClusters() }
        XCTAssertEqual(expired?.code, "ExpiredTokenException")
    }

    func testLimitsAreEnforcedAndPagesAreOpaque() async throws {
        let harness = SimulatorHarness(services: 12)
        let context = try await harness.roleContext("dev")
        let raw = RawJSON(client: AWSServiceClient(service: .ecs, context: context))
        let eleven = (0..<11).map { "\"svc\($0)\"" }.joined(separator: ",")
        let tooManyServices = await SimulatorHarness.error { try await raw.call("DescribeServices", "{\"cluster\":\"app-dev\",\"services\":[\(eleven)]}") }
        XCTAssertEqual(tooManyServices?.code, "InvalidParameterException")
        let hundredOne = (0..<101).map { "\"t\($0)\"" }.joined(separator: ",")
        let tooManyTasks = await SimulatorHarness.error { try await raw.call("DescribeTasks", "{\"cluster\":\"app-dev\",\"tasks\":[\(hundredOne)]}") }
        XCTAssertEqual(tooManyTasks?.code, "InvalidParameterException")
        let bigPage = await SimulatorHarness.error { try await raw.call("ListServices", "{\"cluster\":\"app-dev\",\"maxResults\":101}") }
        XCTAssertEqual(bigPage?.code, "InvalidParameterException")

        let first = try await raw.call("ListServices", "{\"cluster\":\"app-dev\"}")
        XCTAssertEqual((first["serviceArns"] as? [String])?.count, 10, "ListServices pages 10 by default")
        let token = try XCTUnwrap(first["nextToken"] as? String)
        let second = try await raw.call("ListServices", "{\"cluster\":\"app-dev\",\"nextToken\":\"\(token)\"}")
        XCTAssertEqual((second["serviceArns"] as? [String])?.count, 2)
        XCTAssertNil(second["nextToken"])
        let observed = try await ECSClient(context: context).listServices(cluster: "app-dev").count
        XCTAssertEqual(observed, 12)
    }

    func testLargeFleetListsEveryTaskAcrossPages() async throws {
        let harness = SimulatorHarness(services: 50, tasks: 10)
        let ecs = try await harness.ecs("prod")
        harness.fleet.resetCallCounts()
        let arns = try await ecs.listTasks(cluster: "app-prod")
        XCTAssertEqual(arns.count, 500)
        XCTAssertEqual(harness.fleet.callCounts()["ECS.ListTasks"], 5)
        let tasks = try await ecs.describeTasks(cluster: "app-prod", tasks: arns)
        XCTAssertEqual(tasks.items.count, 500)
        XCTAssertEqual(harness.fleet.callCounts()["ECS.DescribeTasks"], 5)
        let services = try await ecs.describeServices(cluster: "app-prod", services: try await ecs.listServices(cluster: "app-prod"))
        XCTAssertEqual(services.items.count, 50)
        XCTAssertEqual(services.items.last?.serviceName, "svc-50")
    }

    func testInjectedFailureAffectsOnlyThatEnvironment() async throws {
        let harness = SimulatorHarness()
        let prod = try await harness.ecs("prod")
        let dev = try await harness.ecs("dev")
        harness.fleet.injectFailure(environment: "prod", operation: "DescribeServices", code: "AccessDeniedException", status: 400)
        let denied = await SimulatorHarness.error { try await prod.describeServices(cluster: "app-prod", services: ["frontend"]) }
        XCTAssertEqual(denied?.code, "AccessDeniedException")
        XCTAssertTrue(denied?.message.contains("ecs:DescribeServices") ?? false)
        let listedCount = try await prod.listServices(cluster: "app-prod").count
        XCTAssertEqual(listedCount, 5, "other operations still work")
        let devCount = try await dev.describeServices(cluster: "app-dev", services: ["frontend"]).items.count
        XCTAssertEqual(devCount, 1)

        harness.fleet.injectFailure(environment: "prod", operation: nil, code: "ThrottlingException", status: 400)
        let throttled = await SimulatorHarness.error { try await prod.listServices(cluster: "app-prod") }
        XCTAssertEqual(throttled?.code, "ThrottlingException")
        XCTAssertEqual(throttled?.kind, .throttling)
        harness.fleet.clearFailures()
        let clearedCount = try await prod.describeServices(cluster: "app-prod", services: ["frontend"]).items.count
        XCTAssertEqual(clearedCount, 1)
        XCTAssertGreaterThanOrEqual(harness.fleet.callCounts()["ECS.DescribeServices"] ?? 0, 3)
    }

    func testLatencyDelaysOnlyThatEnvironment() async throws {
        let harness = SimulatorHarness()
        let prod = try await harness.ecs("prod")
        let dev = try await harness.ecs("dev")
        harness.fleet.setLatency(environment: "prod", seconds: 30)
        let slow = Task { try await prod.listServices(cluster: "app-prod") }
        await harness.clock.waitForSleepers(1)
        XCTAssertEqual(harness.clock.sleeperCount, 1)
        let devHeldCount = try await dev.listServices(cluster: "app-dev").count
        XCTAssertEqual(devHeldCount, 5, "dev answers while prod is held")
        harness.clock.advance(by: 30)
        let slowCount = try await slow.value.count
        XCTAssertEqual(slowCount, 5)
    }

    func testTheSameSeedBuildsTheSameWorld() async throws {
        func snapshot() async throws -> [String] {
            let harness = SimulatorHarness(seed: 7)
            let ecs = try await harness.ecs("sit")
            let images = try await harness.ecr().describeImages(repositoryName: "myapp-worker")
            return try await ecs.listTasks(cluster: "app-sit") + images.compactMap(\.imageDigest)
        }
        let first = try await snapshot()
        let second = try await snapshot()
        XCTAssertEqual(first, second)
        XCTAssertEqual(first.count, 10 + 8)
    }

    func testDemoConfigDescribesTheFleet() {
        let config = DemoFleet.config()
        XCTAssertEqual(config.region, "eu-west-1")
        XCTAssertNil(config.endpointURL)
        XCTAssertEqual(config.refresh, 10)
        XCTAssertEqual(config.registry?.account, "111111111111")
        XCTAssertEqual(config.environments.map(\.name), ["dev", "sit", "uat", "prod"])
        XCTAssertEqual(config.environments.map(\.cluster), ["app-dev", "app-sit", "app-uat", "app-prod"])
        XCTAssertEqual(config.environments.filter(\.isProtected).map(\.name), ["prod"])
        XCTAssertEqual(config.environment(named: "prod")?.access.roleArn, "arn:aws:iam::555555555555:role/DashboardReadOnly")
        XCTAssertEqual(config.environment(named: "prod")?.access.deployRoleArn, "arn:aws:iam::555555555555:role/DashboardDeployer")
        XCTAssertEqual(config.environment(named: "dev")?.pipelines, ["myapp-dev-deploy"])
    }
}
