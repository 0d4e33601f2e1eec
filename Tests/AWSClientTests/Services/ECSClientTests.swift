@testable import AWSClient
import Foundation
import XCTest

/// ECSClient against recorded exchanges: requests, decoded shapes, batching and paging.
final class ECSClientTests: XCTestCase {
    private func client(_ transport: ScriptedTransport) -> ECSClient {
        ECSClient(context: AWSFixture.context(transport))
    }

    private func fixture(_ operation: String) throws -> (AWSFixture, ScriptedTransport) {
        let fixture = try AWSFixture("ecs/\(operation)")
        return (fixture, ScriptedTransport(responses: [fixture.response]))
    }

    func testListClusters() async throws {
        let (fixture, transport) = try fixture("ListClusters")
        let clusters = try await client(transport).listClusters()
        try fixture.assertMatches(transport.requests.first)
        XCTAssertEqual(clusters, ["arn:aws:ecs:eu-west-1:123456789012:cluster/app-dev", "arn:aws:ecs:eu-west-1:123456789012:cluster/default"])
    }

    func testListClustersFollowsPagesAndStopsOnARepeatedToken() async throws {
        let transport = ScriptedTransport { _, index in
            let pages: [[String: Any]] = [
                ["clusterArns": ["a", "b"], "nextToken": "t1"],
                ["clusterArns": ["c"], "nextToken": "t2"],
                // A misbehaving server hands out t1 again: stop rather than loop.
                ["clusterArns": ["d"], "nextToken": "t1"],
                ["clusterArns": ["never"]],
            ]
            return AWSFixture.reply(pages[index])
        }
        let clusters = try await client(transport).listClusters()
        XCTAssertEqual(clusters, ["a", "b", "c", "d"])
        XCTAssertEqual(transport.requests.count, 3)
        XCTAssertEqual(try transport.requests.map { try AWSFixture.body($0)["nextToken"] as? String }, [nil, "t1", "t2"])
    }

    func testDescribeClustersReturnsClustersAndFailures() async throws {
        let (fixture, transport) = try fixture("DescribeClusters")
        let result = try await client(transport).describeClusters(["app-dev", "gone"])
        try fixture.assertMatches(transport.requests.first)
        XCTAssertEqual(result.items, [ECSCluster(clusterArn: "arn:aws:ecs:eu-west-1:123456789012:cluster/app-dev", clusterName: "app-dev",
                                                 status: "ACTIVE", runningTasksCount: 6, pendingTasksCount: 1, activeServicesCount: 3,
                                                 registeredContainerInstancesCount: 0)])
        XCTAssertEqual(result.failures, [ECSFailure(arn: "arn:aws:ecs:eu-west-1:123456789012:cluster/gone", reason: "MISSING")])
    }

    func testListServicesFollowsEveryPage() async throws {
        let (fixture, _) = try fixture("ListServices")
        let transport = ScriptedTransport(responses: [AWSFixture.reply(["serviceArns": ["s1"], "nextToken": "page2"]), fixture.response])
        let services = try await client(transport).listServices(cluster: "app-dev")
        XCTAssertEqual(services.count, 3)
        XCTAssertEqual(services.last, "arn:aws:ecs:eu-west-1:123456789012:service/app-dev/backend")
        XCTAssertEqual(try AWSFixture.body(transport.requests[1])["nextToken"] as? String, "page2")
        var second = try AWSFixture.body(transport.requests[1])
        second["nextToken"] = nil
        XCTAssertEqual(try AWSFixture.canonical(second), fixture.requestJSON)
    }

    func testDescribeServicesDecodesDeploymentsEventsLoadBalancersAndDates() async throws {
        let (fixture, transport) = try fixture("DescribeServices")
        let result = try await client(transport).describeServices(cluster: "app-dev", services: ["frontend", "ghost"])
        try fixture.assertMatches(transport.requests.first)

        let service = try XCTUnwrap(result.items.first)
        XCTAssertEqual(service.serviceName, "frontend")
        XCTAssertEqual(service.desiredCount, 2)
        XCTAssertEqual(service.runningCount, 3)
        XCTAssertEqual(service.pendingCount, 1)
        XCTAssertEqual(service.taskDefinition, "arn:aws:ecs:eu-west-1:123456789012:task-definition/dev-frontend:8")
        XCTAssertEqual(service.createdAt?.timeIntervalSince1970 ?? 0, 1_690_000_000.5, accuracy: 1e-6)
        XCTAssertEqual(service.deploymentConfiguration?.deploymentCircuitBreaker, ECSDeploymentCircuitBreaker(enable: true, rollback: true))
        XCTAssertEqual(service.deploymentConfiguration?.maximumPercent, 200)
        XCTAssertEqual(service.loadBalancers?.first?.targetGroupArn,
                       "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/frontend/73e2d6bc24d8a067")
        XCTAssertEqual(service.loadBalancers?.first?.containerPort, 8080)

        let deployments = try XCTUnwrap(service.deployments)
        XCTAssertEqual(deployments.map(\.status), ["PRIMARY", "ACTIVE"])
        XCTAssertEqual(deployments.map(\.rolloutState), ["IN_PROGRESS", "COMPLETED"])
        XCTAssertEqual(deployments[0].rolloutStateReason, "ECS deployment ecs-svc/9223370000000000001 in progress.")
        XCTAssertEqual(deployments[0].failedTasks, 1)
        XCTAssertEqual(deployments[0].runningCount, 1)
        XCTAssertEqual(deployments[0].createdAt?.timeIntervalSince1970 ?? 0, 1_700_000_100.25, accuracy: 1e-6)
        XCTAssertEqual(deployments[1].updatedAt?.timeIntervalSince1970 ?? 0, 1_699_990_300.75, accuracy: 1e-6)

        XCTAssertEqual(service.events?.count, 2)
        XCTAssertEqual(service.events?.first?.createdAt?.timeIntervalSince1970 ?? 0, 1_700_000_170.123, accuracy: 1e-6)
        XCTAssertEqual(service.events?.last?.message, "(service frontend) has reached a steady state.")

        XCTAssertEqual(result.failures, [ECSFailure(arn: "arn:aws:ecs:eu-west-1:123456789012:service/app-dev/ghost", reason: "MISSING")])
    }

    func testDescribeServicesBatchesTwentyThreeNamesIntoThreeCallsOfAtMostTen() async throws {
        let transport = ScriptedTransport { request, _ in
            let names = try AWSFixture.body(request)["services"] as? [String] ?? []
            return AWSFixture.reply(["services": names.map { ["serviceName": $0] }, "failures": [["arn": "missing-in-\(names[0])", "reason": "MISSING"]]])
        }
        let names = (1...23).map { "svc-\($0)" }
        let result = try await client(transport).describeServices(cluster: "app-dev", services: names)
        let batches = try transport.requests.map { try AWSFixture.body($0)["services"] as? [String] ?? [] }
        XCTAssertEqual(batches.map(\.count), [10, 10, 3])
        XCTAssertEqual(batches.flatMap { $0 }, names)
        XCTAssertEqual(result.items.compactMap(\.serviceName), names)
        XCTAssertEqual(result.failures.count, 3, "every batch's failures are kept")
        XCTAssertTrue(try transport.requests.allSatisfy { try AWSFixture.body($0)["cluster"] as? String == "app-dev" })
    }

    func testDescribeWithNoNamesSendsNothing() async throws {
        let transport = ScriptedTransport(responses: [AWSFixture.reply([:])])
        let result = try await client(transport).describeServices(cluster: "app-dev", services: [])
        XCTAssertEqual(result, ECSDescribeResult())
        XCTAssertTrue(transport.requests.isEmpty)
    }

    func testListTasksSendsItsFilters() async throws {
        let (fixture, transport) = try fixture("ListTasks")
        let tasks = try await client(transport).listTasks(cluster: "app-dev", serviceName: "frontend", desiredStatus: .stopped, family: "dev-frontend")
        try fixture.assertMatches(transport.requests.first)
        XCTAssertEqual(tasks.count, 2)
    }

    func testListTasksAlwaysSendsDesiredStatusAndFollowsPages() async throws {
        let transport = ScriptedTransport { _, index in
            AWSFixture.reply(index < 2 ? ["taskArns": ["t\(index)"], "nextToken": "n\(index)"] : ["taskArns": ["t\(index)"]])
        }
        let tasks = try await client(transport).listTasks(cluster: "app-dev")
        XCTAssertEqual(tasks, ["t0", "t1", "t2"])
        let first = try AWSFixture.body(transport.requests[0])
        XCTAssertEqual(try AWSFixture.canonical(first), #"{"cluster":"app-dev","desiredStatus":"RUNNING","maxResults":100}"#)
        XCTAssertEqual(try AWSFixture.body(transport.requests[2])["nextToken"] as? String, "n1")
    }

    func testDescribeTasksDecodesARunningAndAStoppedTask() async throws {
        let (fixture, transport) = try fixture("DescribeTasks")
        let ids = ["0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210", "ffffffffffffffffffffffffffffffff"]
        let result = try await client(transport).describeTasks(cluster: "app-dev", tasks: ids)
        try fixture.assertMatches(transport.requests.first)
        XCTAssertEqual(result.items.count, 2)
        XCTAssertEqual(result.failures.map(\.reason), ["MISSING"])

        let running = result.items[0]
        XCTAssertEqual(running.lastStatus, "RUNNING")
        XCTAssertEqual(running.healthStatus, "HEALTHY")
        XCTAssertEqual(running.group, "service:frontend")
        XCTAssertEqual(running.serviceName, "frontend")
        XCTAssertEqual(running.startedBy, "ecs-svc/9223370000000000001")
        XCTAssertEqual(running.availabilityZone, "eu-west-1a")
        XCTAssertEqual(running.privateIPv4Address, "10.0.1.23")
        XCTAssertEqual(running.createdAt?.timeIntervalSince1970 ?? 0, 1_700_000_110.125, accuracy: 1e-6)
        XCTAssertEqual(running.startedAt?.timeIntervalSince1970 ?? 0, 1_700_000_130.75, accuracy: 1e-6)
        XCTAssertNil(running.stoppedAt)
        XCTAssertEqual(running.containers?.first?.imageDigest, "sha256:74b2c688c700ec95a93e478cdb959737c148df3fbf5ea706abe0318726e885e6")
        XCTAssertEqual(running.containers?.first?.healthStatus, "HEALTHY")
        XCTAssertNil(running.containers?.first?.exitCode)

        let stopped = result.items[1]
        XCTAssertEqual(stopped.lastStatus, "STOPPED")
        XCTAssertEqual(stopped.desiredStatus, "STOPPED")
        XCTAssertEqual(stopped.stopCode, "EssentialContainerExited")
        XCTAssertEqual(stopped.stoppedReason, "Essential container in task exited")
        XCTAssertEqual(stopped.stoppingAt?.timeIntervalSince1970 ?? 0, 1_700_000_150.25, accuracy: 1e-6)
        XCTAssertEqual(stopped.stoppedAt?.timeIntervalSince1970 ?? 0, 1_700_000_155.875, accuracy: 1e-6)
        XCTAssertEqual(stopped.privateIPv4Address, "10.0.2.42")
        let container = try XCTUnwrap(stopped.containers?.first)
        XCTAssertEqual(container.exitCode, 137)
        XCTAssertEqual(container.reason, "OutOfMemoryError: Container killed due to memory usage")
        XCTAssertEqual(container.lastStatus, "STOPPED")
        XCTAssertNil(container.imageDigest)
    }

    func testDescribeTasksBatches250ArnsIntoThreeCallsOfAtMost100() async throws {
        let transport = ScriptedTransport { request, _ in
            let arns = try AWSFixture.body(request)["tasks"] as? [String] ?? []
            return AWSFixture.reply(["tasks": arns.map { ["taskArn": $0, "lastStatus": "RUNNING"] }])
        }
        let arns = (0..<250).map { "arn:aws:ecs:eu-west-1:123456789012:task/app-dev/\($0)" }
        let result = try await client(transport).describeTasks(cluster: "app-dev", tasks: arns)
        let batches = try transport.requests.map { try AWSFixture.body($0)["tasks"] as? [String] ?? [] }
        XCTAssertEqual(batches.map(\.count), [100, 100, 50])
        XCTAssertEqual(result.items.compactMap(\.taskArn), arns, "no task past the first 100 is lost")
        XCTAssertEqual(result.failures, [])
    }

    func testDescribeTaskDefinition() async throws {
        let (fixture, transport) = try fixture("DescribeTaskDefinition")
        let described = try await client(transport).describeTaskDefinition("dev-frontend:8", includeTags: true)
        try fixture.assertMatches(transport.requests.first)
        let definition = described.taskDefinition
        XCTAssertEqual(definition.family, "dev-frontend")
        XCTAssertEqual(definition.revision, 8)
        XCTAssertEqual(definition.taskDefinitionArn, "arn:aws:ecs:eu-west-1:123456789012:task-definition/dev-frontend:8")
        XCTAssertEqual(definition.cpu, "256")
        XCTAssertEqual(definition.memory, "512")
        XCTAssertEqual(definition.networkMode, "awsvpc")
        XCTAssertEqual(definition.requiresCompatibilities, ["FARGATE"])
        XCTAssertEqual(definition.executionRoleArn, "arn:aws:iam::123456789012:role/ecsTaskExecutionRole")
        XCTAssertEqual(definition.taskRoleArn, "arn:aws:iam::123456789012:role/frontend-task")
        XCTAssertEqual(definition.registeredAt?.timeIntervalSince1970 ?? 0, 1_700_000_050.5, accuracy: 1e-6)
        let container = try XCTUnwrap(definition.containerDefinitions?.first)
        XCTAssertEqual(container.name, "frontend")
        XCTAssertEqual(container.image, "111111111111.dkr.ecr.eu-west-1.amazonaws.com/myapp-frontend:dev")
        XCTAssertEqual(container.essential, true)
        XCTAssertEqual(container.logConfiguration?.logDriver, "awslogs")
        XCTAssertEqual(container.logConfiguration?.options,
                       ["awslogs-group": "/ecs/app-dev/frontend", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "ecs"])
        XCTAssertEqual(container.portMappings?.first?.containerPort, 8080)
        XCTAssertEqual(container.portMappings?.first?.protocol, "tcp")
        XCTAssertEqual(container.environment?.first, ECSKeyValuePair(name: "APP_ENV", value: "dev"))
        XCTAssertEqual(container.healthCheck?.command, ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"])
        XCTAssertEqual(container.healthCheck?.retries, 3)
        XCTAssertEqual(described.tags, [ECSTag(key: "team", value: "web")])
    }

    func testRegisterTaskDefinitionPassesBackEveryRegistrableFieldAndNothingElse() async throws {
        let described = try AWSFixture("ecs/DescribeTaskDefinition")
        let registered = try AWSFixture("ecs/RegisterTaskDefinition")
        let transport = ScriptedTransport(responses: [described.response, registered.response])
        let ecs = client(transport)
        let current = try await ecs.describeTaskDefinition("dev-frontend:8", includeTags: true)
        var next = current.taskDefinition
        next.containerDefinitions?[0].image = "111111111111.dkr.ecr.eu-west-1.amazonaws.com/myapp-frontend:uat"
        let revision = try await ecs.registerTaskDefinition(next, tags: current.tags)

        // Secrets, mount points, ulimits, volumes and the runtime platform (none of which ECSTaskDefinition
        // models) go back unchanged; the ARN, revision, status and registration data do not go at all.
        try registered.assertMatches(transport.requests.last)
        XCTAssertEqual(revision.revision, 9)
        XCTAssertEqual(revision.containerDefinitions?.first?.image, "111111111111.dkr.ecr.eu-west-1.amazonaws.com/myapp-frontend:uat")
    }

    func testUpdateService() async throws {
        let (fixture, transport) = try fixture("UpdateService")
        let service = try await client(transport).updateService(cluster: "app-dev", service: "frontend", taskDefinition: "dev-frontend:9",
                                                                forceNewDeployment: true, desiredCount: 3)
        try fixture.assertMatches(transport.requests.first)
        XCTAssertEqual(service.desiredCount, 3)
        XCTAssertEqual(service.deployments?.first?.status, "PRIMARY")
        XCTAssertEqual(service.deployments?.first?.taskDefinition, "arn:aws:ecs:eu-west-1:123456789012:task-definition/dev-frontend:9")
    }

    func testUpdateServiceSendsOnlyWhatWasAsked() async throws {
        let transport = ScriptedTransport(responses: [try AWSFixture("ecs/UpdateService").response])
        try await client(transport).updateService(cluster: "app-dev", service: "frontend", forceNewDeployment: true)
        XCTAssertEqual(try AWSFixture.canonical(transport.requests[0].body), #"{"cluster":"app-dev","forceNewDeployment":true,"service":"frontend"}"#)
    }

    func testStopTask() async throws {
        let (fixture, transport) = try fixture("StopTask")
        let task = try await client(transport).stopTask(cluster: "app-dev", task: "0123456789abcdef0123456789abcdef",
                                                        reason: "restarted from ecsdash by alice")
        try fixture.assertMatches(transport.requests.first)
        XCTAssertEqual(task.desiredStatus, "STOPPED")
        XCTAssertEqual(task.stopCode, "UserInitiated")
        XCTAssertEqual(task.stoppingAt?.timeIntervalSince1970 ?? 0, 1_700_000_400.5, accuracy: 1e-6)
    }

    func testEveryFieldMayBeMissing() async throws {
        let transport = ScriptedTransport(responses: [
            AWSFixture.reply(["services": [["serviceName": "bare", "deployments": [[String: Any]()]]]]),
            AWSFixture.reply(["tasks": [["containers": [[String: Any]()], "attachments": [[String: Any]()]]]]),
        ])
        let ecs = client(transport)
        let services = try await ecs.describeServices(cluster: "c", services: ["bare"])
        XCTAssertEqual(services.items, [ECSService(serviceName: "bare", deployments: [ECSDeployment()])])
        let tasks = try await ecs.describeTasks(cluster: "c", tasks: ["t"])
        XCTAssertNil(tasks.items.first?.privateIPv4Address)
        XCTAssertNil(tasks.items.first?.serviceName)
    }

    /// What every reply of an operation carries may not be missing: an empty or short answer is a broken reply,
    /// never an empty world.
    func testRepliesMissingWhatTheOperationReturnsAreErrors() async {
        let broken: [(String, [String: Any])] = [
            ("services", [:]), ("services", ["services": NSNull()]), ("services", ["services": [[String: Any]]()]),
            ("services", ["services": [["serviceName": "a"], ["serviceName": "a"]]]),
            ("tasks", [:]), ("tasks", ["tasks": NSNull(), "failures": NSNull()]),
            ("taskArns", [:]), ("taskArns", ["taskArns": NSNull()]),
            ("serviceArns", ["nextToken": NSNull()]),
        ]
        for (member, body) in broken {
            let ecs = client(ScriptedTransport(responses: [AWSFixture.reply(body)]))
            let call: () async throws -> Void = switch member {
            case "services": { _ = try await ecs.describeServices(cluster: "c", services: ["a"]) }
            case "tasks": { _ = try await ecs.describeTasks(cluster: "c", tasks: ["t"]) }
            case "taskArns": { _ = try await ecs.listTasks(cluster: "c") }
            default: { _ = try await ecs.listServices(cluster: "c") }
            }
            await XCTAssertThrowsAWSError(try await call(), code: "DeserializationError")
        }
        // A name ECS could not find comes back as a failure: that is a complete answer.
        let missing = client(ScriptedTransport(responses: [AWSFixture.reply(["services": [[String: Any]](), "failures": [["arn": "a", "reason": "MISSING"]]])]))
        let answer = try? await missing.describeServices(cluster: "c", services: ["a"])
        XCTAssertEqual(answer?.failures.count, 1)
    }

    func testServiceErrorsAreTyped() async {
        let transport = ScriptedTransport(responses: [ScriptedTransport.json(
            400, #"{"__type":"ClusterNotFoundException","message":"Cluster not found."}"#)])
        await XCTAssertThrowsAWSError(try await client(transport).describeServices(cluster: "nope", services: ["a"]), code: "ClusterNotFoundException")
    }
}
