import AWSClient
import Foundation
import XCTest

/// The typed service clients against the seeded moto world, read-only: other tests share the world.
final class ServiceClientsMotoTests: XCTestCase {
    /// World fields MotoWorld does not decode (seed_world.py documents them all).
    private struct Extras: Decodable {
        /// An environment's services, by name.
        struct Environment: Decodable {
            let name: String
            let services: [String: Service]
        }

        /// What was seeded for one service beyond MotoWorld.Service.
        struct Service: Decodable {
            let task_definition_family: String
            let container: String
            let log_streams: [String]
            let log_lines_per_stream: Int
        }

        let environments: [Environment]

        static func load() throws -> Extras {
            let path = try XCTUnwrap(ProcessInfo.processInfo.environment["ECSDASH_MOTO_WORLD"])
            return try JSONDecoder().decode(Extras.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        }

        func service(_ environment: String, _ name: String) -> Service {
            environments.first { $0.name == environment }!.services[name]!
        }
    }

    func testECSMatchesTheSeededWorldInEveryEnvironment() async throws {
        let world = try MotoWorld.load()
        let extras = try Extras.load()
        for env in world.environments {
            let (context, _) = try await world.assume(env.readonly_role_arn)
            let ecs = ECSClient(context: context)
            let names = env.services.keys.sorted()

            let clusters = try await ecs.describeClusters([env.cluster])
            XCTAssertEqual(clusters.items.map(\.clusterArn), [env.cluster_arn], env.name)
            XCTAssertEqual(clusters.items.first?.status, "ACTIVE", env.name)

            let serviceArns = try await ecs.listServices(cluster: env.cluster)
            XCTAssertEqual(Set(serviceArns), Set(env.services.values.map(\.service_arn)), env.name)

            let described = try await ecs.describeServices(cluster: env.cluster, services: names + ["no-such-service"])
            XCTAssertEqual(described.items.compactMap(\.serviceName).sorted(), names, env.name)
            XCTAssertEqual(described.failures.map(\.reason), ["MISSING"], env.name)
            for service in described.items {
                let seeded = try XCTUnwrap(env.services[service.serviceName ?? ""])
                XCTAssertEqual(service.serviceArn, seeded.service_arn)
                XCTAssertEqual(service.desiredCount, seeded.desired_count)
                XCTAssertEqual(service.runningCount, seeded.running_count)
                XCTAssertEqual(service.taskDefinition, seeded.task_definition_arn)
                XCTAssertEqual(service.deployments?.first?.status, "PRIMARY", "moto keeps exactly one deployment")
                // moto omits the service's createdAt but dates its deployment (epoch seconds with a fraction).
                XCTAssertNotNil(service.deployments?.first?.createdAt)
            }

            let running = try await ecs.listTasks(cluster: env.cluster)
            XCTAssertEqual(Set(running), Set(env.services.values.flatMap(\.task_arns)), env.name)
            let stopped = try await ecs.listTasks(cluster: env.cluster, desiredStatus: .stopped)
            XCTAssertEqual(stopped, [], "no task of \(env.name) was stopped")

            let tasks = try await ecs.describeTasks(cluster: env.cluster, tasks: running)
            XCTAssertEqual(tasks.failures, [], env.name)
            let byService = Dictionary(grouping: tasks.items) { $0.serviceName ?? "?" }
            XCTAssertEqual(byService.keys.sorted(), names, env.name)
            for (name, group) in byService {
                let seeded = try XCTUnwrap(env.services[name])
                XCTAssertEqual(group.count, 2, "\(env.name)/\(name)")
                XCTAssertEqual(Set(group.compactMap(\.taskArn)), Set(seeded.task_arns))
                for task in group {
                    XCTAssertEqual(task.group, "service:\(name)")
                    XCTAssertEqual(task.lastStatus, "RUNNING")
                    XCTAssertEqual(task.desiredStatus, "RUNNING")
                    XCTAssertEqual(task.taskDefinitionArn, seeded.task_definition_arn)
                    XCTAssertEqual(task.containers?.map(\.name), [name])
                    XCTAssertEqual(task.containers?.first?.image, seeded.image)
                    XCTAssertNotNil(task.privateIPv4Address, "awsvpc tasks carry their IP in the ENI attachment")
                }
            }

            for name in names {
                let seeded = try XCTUnwrap(env.services[name])
                let definition = try await ecs.describeTaskDefinition(seeded.task_definition_arn).taskDefinition
                XCTAssertEqual(definition.taskDefinitionArn, seeded.task_definition_arn)
                XCTAssertEqual(definition.family, extras.service(env.name, name).task_definition_family)
                XCTAssertEqual(definition.revision, 1)
                XCTAssertEqual(definition.networkMode, "awsvpc")
                XCTAssertEqual(definition.requiresCompatibilities, ["FARGATE"])
                XCTAssertEqual(definition.cpu, "256")
                XCTAssertEqual(definition.memory, "512")
                let container = try XCTUnwrap(definition.containerDefinitions?.first)
                XCTAssertEqual(container.name, extras.service(env.name, name).container)
                XCTAssertEqual(container.image, "111111111111.dkr.ecr.eu-west-1.amazonaws.com/myapp-\(name):\(env.name)")
                XCTAssertEqual(container.image, seeded.image)
                XCTAssertEqual(container.essential, true)
                XCTAssertEqual(container.environment, [ECSKeyValuePair(name: "APP_ENV", value: env.name)])
                XCTAssertEqual(container.logConfiguration?.logDriver, "awslogs")
                XCTAssertEqual(container.logConfiguration?.options, [
                    "awslogs-group": seeded.log_group, "awslogs-region": world.region, "awslogs-stream-prefix": "ecs",
                ])
                XCTAssertEqual(container.portMappings?.first?.containerPort, name == "worker" ? nil : 8080)
            }
        }
    }

    func testRegistryRepositoriesImagesAndManifests() async throws {
        let world = try MotoWorld.load()
        let (context, _) = try await world.assume(world.registry.readonly_role_arn)
        let ecr = ECRClient(context: context)

        let repositories = try await ecr.describeRepositories()
        XCTAssertEqual(repositories.compactMap(\.repositoryName).sorted(), world.registry.repositories.keys.sorted())
        XCTAssertEqual(repositories.count, 3)

        let envTags = world.environments.map(\.name)
        for (name, repository) in world.registry.repositories {
            let match = repositories.first { $0.repositoryName == name }
            XCTAssertEqual(match?.repositoryUri, repository.uri)

            let tagged = try await ecr.describeImages(repositoryName: name, imageIds: envTags.map { ECRImageIdentifier(imageTag: $0) })
            for tag in envTags {
                let image = tagged.first { $0.imageTags?.contains(tag) == true }
                XCTAssertEqual(image?.imageDigest, repository.tags[tag], "\(name):\(tag)")
                XCTAssertNotNil(image?.imagePushedAt, "\(name):\(tag)")
            }

            let all = try await ecr.describeImages(repositoryName: name)
            XCTAssertEqual(Set(all.compactMap(\.imageDigest)), Set(repository.tags.values), name)
            let ids = try await ecr.listImages(repositoryName: name)
            XCTAssertEqual(Set(ids.compactMap(\.imageTag)), Set(repository.tags.keys), name)
        }

        let frontend = try XCTUnwrap(world.registry.repositories["myapp-frontend"])
        let result = try await ecr.batchGetImage(repositoryName: "myapp-frontend",
                                                 imageIds: [ECRImageIdentifier(imageTag: "uat"), ECRImageIdentifier(imageTag: "no-such-tag")])
        let image = try XCTUnwrap(result.images.first)
        XCTAssertEqual(image.imageId?.imageDigest, frontend.tags["uat"])
        let manifest = try XCTUnwrap(image.imageManifest)
        let parsed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(manifest.utf8)) as? [String: Any])
        XCTAssertEqual(parsed["schemaVersion"] as? Int, 2)
        XCTAssertEqual(result.failures.map(\.imageId?.imageTag), ["no-such-tag"])
    }

    func testPuttingAnExistingTagBackOnItsOwnManifestIsImageAlreadyExists() async throws {
        let world = try MotoWorld.load()
        let (context, _) = try await world.assume(world.registry.deployer_role_arn)
        let ecr = ECRClient(context: context)
        let source = try await ecr.batchGetImage(repositoryName: "myapp-backend", imageIds: [ECRImageIdentifier(imageTag: "prod")])
        let image = try XCTUnwrap(source.images.first)
        do {
            try await ecr.putImage(ECRPutImageRequest(repositoryName: "myapp-backend", imageManifest: try XCTUnwrap(image.imageManifest),
                                                      imageManifestMediaType: image.imageManifestMediaType, imageTag: "prod"))
            XCTFail("the tag already names this manifest")
        } catch let error as AWSError {
            XCTAssertEqual(error.code, "ImageAlreadyExistsException", "\(error)")
        }
        let after = try await ecr.describeImages(repositoryName: "myapp-backend", imageIds: [ECRImageIdentifier(imageTag: "prod")])
        XCTAssertEqual(after.first?.imageDigest, world.registry.repositories["myapp-backend"]?.tags["prod"])
    }

    func testLogsHoldTheSeededLines() async throws {
        let world = try MotoWorld.load()
        let extras = try Extras.load()
        let dev = world.environment("dev")
        let (context, _) = try await world.assume(dev.readonly_role_arn)
        let logs = CloudWatchLogsClient(context: context)
        let seeded = extras.service("dev", "frontend")
        let group = try XCTUnwrap(dev.services["frontend"]).log_group
        let stream = try XCTUnwrap(seeded.log_streams.first)
        let taskId = String(try XCTUnwrap(stream.split(separator: "/").last))

        let page = try await logs.getLogEvents(CloudWatchGetLogEventsRequest(logGroupName: group, logStreamName: stream, startFromHead: true))
        XCTAssertEqual(page.events.count, seeded.log_lines_per_stream)
        XCTAssertEqual(page.events.first?.message, "[dev] frontend task \(taskId.prefix(8)) line 1: starting frontend (image tag dev)")
        XCTAssertEqual(page.events.last?.message, "[dev] frontend task \(taskId.prefix(8)) line 5: healthy")
        let first = try XCTUnwrap(page.events.first?.timestamp)
        XCTAssertLessThan(abs(first.timeIntervalSinceNow), 86_400, "millisecond timestamps read as \(first)")

        // Reading on from the forward token: nothing new, and the same token back ("caught up").
        let next = try await logs.getLogEvents(CloudWatchGetLogEventsRequest(logGroupName: group, logStreamName: stream,
                                                                             startFromHead: true, nextToken: page.nextForwardToken))
        XCTAssertEqual(next.events, [])
        XCTAssertTrue(next.caughtUp, "forward token \(page.nextForwardToken ?? "nil") -> \(next.nextForwardToken ?? "nil")")

        let streams = try await logs.describeLogStreams(logGroupName: group, orderBy: .lastEventTime, descending: true)
        XCTAssertEqual(Set(streams.compactMap(\.logStreamName)), Set(seeded.log_streams))

        let filtered = try await logs.filterLogEvents(CloudWatchFilterLogEventsRequest(logGroupName: group, logStreamNames: [stream]))
        XCTAssertEqual(filtered.compactMap(\.message), page.events.compactMap(\.message))
        XCTAssertEqual(Set(filtered.compactMap(\.logStreamName)), [stream])
    }

    func testNoTargetGroupsAndNoPipelinesAreEmptyListsNotErrors() async throws {
        let world = try MotoWorld.load()
        let (context, _) = try await world.assume(world.environment("dev").readonly_role_arn)
        let groups = try await ELBv2Client(context: context).describeTargetGroups()
        XCTAssertEqual(groups, [])
        let pipelines = try await CodePipelineClient(context: context).listPipelines()
        XCTAssertEqual(pipelines, [])
    }
}
