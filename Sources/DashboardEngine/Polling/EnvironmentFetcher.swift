import AWSClient
import DashboardModel
import Foundation

/// One full read of an environment with the fewest calls the batch limits allow: services in tens,
/// cluster-wide task lists grouped by `service:NAME`, tasks in hundreds, task definitions from a cache.
package struct EnvironmentFetcher: Sendable {
    package let environment: EnvironmentConfig
    package let context: AWSClientContext
    package let taskDefinitions: TaskDefinitionCache
    /// Tasks and services from earlier refreshes, reused while their bytes are unchanged.
    package let taskCache = DecodedElementCache<PolledTask>()
    package let serviceCache = DecodedElementCache<PolledService>()
    /// Every other reply (list pages, target health, pipeline state), reused while its bytes are unchanged.
    package let replyCache = DecodedReplyCache()
    package let counter: CountingTransport

    /// Wraps the context's transport so calls can be counted, and gives it the fetcher's reply cache.
    package init(environment: EnvironmentConfig, context: AWSClientContext, taskDefinitions: TaskDefinitionCache = TaskDefinitionCache()) {
        (self.context, counter) = CountingTransport.counting(context, replyCache: replyCache)
        self.environment = environment
        self.taskDefinitions = taskDefinitions
    }

    /// How much of an environment to read: everything for the dashboard, or only what an action's plan and
    /// gates need (named services, running tasks, no target health or pipelines).
    package struct Scope: Sendable, Equatable {
        package var services: [String]?
        package var includeStoppedTasks = true
        package var includeTargetHealth = true
        package var includePipelines = true

        package static let full = Scope()

        package static func forAction(services: [String]?) -> Scope {
            Scope(services: services, includeStoppedTasks: false, includeTargetHealth: false, includePipelines: false)
        }
    }

    /// Reads the environment; a failure of the core calls (services, tasks) throws, lesser ones are kept
    /// in the snapshot's `errors`.
    package func fetch(now: Date, scope: Scope = .full) async throws -> EnvironmentSnapshot {
        let before = counter.calls
        // Only a full read starts a generation: a narrow one for an action must not evict the rest of the fleet.
        if scope == .full {
            taskCache.startGeneration()
            serviceCache.startGeneration()
            replyCache.startGeneration()
        }
        let ecs = ECSClient(context: context)
        let cluster = environment.cluster
        let serviceArns: [String]
        if let named = scope.services ?? environment.services {
            serviceArns = named
        } else {
            serviceArns = try await ecs.listServices(cluster: cluster)
        }
        // One service's tasks are one ListTasks call by name; a whole environment is cheapest cluster-wide.
        let byService = scope.services?.count == 1 ? scope.services?.first : nil
        async let describedServices = ecs.describeServices(cluster: cluster, services: serviceArns, reusing: serviceCache)
        async let runningArns = ecs.listTasks(cluster: cluster, serviceName: byService, desiredStatus: .running)
        let stoppedArns = scope.includeStoppedTasks ? try await ecs.listTasks(cluster: cluster, serviceName: byService, desiredStatus: .stopped) : []
        let services = try await describedServices.items.map(\.service)
        let taskArns = try await runningArns + stoppedArns
        let tasks = taskArns.isEmpty ? [] : try await ecs.describeTasks(cluster: cluster, tasks: taskArns, reusing: taskCache).items
        let tasksByGroup = Dictionary(grouping: tasks) { $0.group ?? "" }.mapValues { $0.map(\.snapshot) }

        var errors: [FetchError] = []
        var definitions: [String: TaskDefinitionCache.Facts] = [:]
        for arn in Set(services.compactMap(\.taskDefinition)) {
            if let cached = taskDefinitions.facts(arn) {
                definitions[arn] = cached
                continue
            }
            do {
                definitions[arn] = taskDefinitions.store(try await ecs.describeTaskDefinition(arn).taskDefinition, for: arn)
            } catch {
                errors.append(SnapshotMapper.fetchError(error, operation: "ECS DescribeTaskDefinition", at: now))
            }
        }

        var snapshots: [ServiceSnapshot] = []
        for service in services {
            let name = service.serviceName ?? ""
            let health = scope.includeTargetHealth ? await targetHealth(for: service, errors: &errors, now: now) : []
            snapshots.append(SnapshotMapper.service(service, tasks: tasksByGroup["service:\(name)"] ?? [],
                                                    taskDefinition: service.taskDefinition.flatMap { definitions[$0] }, targetHealth: health))
        }
        let pipelines = scope.includePipelines ? await self.pipelines(errors: &errors, now: now) : []
        return EnvironmentSnapshot(
            environment: environment.name, account: environment.access.account, cluster: cluster, fetchedAt: now,
            services: snapshots.sorted { $0.name < $1.name }, pipelines: pipelines, errors: errors, apiCalls: counter.calls - before
        )
    }

    private func targetHealth(for service: ECSService, errors: inout [FetchError], now: Date) async -> [ELBv2TargetHealthDescription] {
        let groups = (service.loadBalancers ?? []).compactMap(\.targetGroupArn)
        var result: [ELBv2TargetHealthDescription] = []
        for group in groups {
            do {
                result += try await ELBv2Client(context: context).describeTargetHealth(targetGroupArn: group)
            } catch {
                errors.append(SnapshotMapper.fetchError(error, operation: "ELBv2 DescribeTargetHealth", at: now))
            }
        }
        return result
    }

    private func pipelines(errors: inout [FetchError], now: Date) async -> [PipelineSnapshot] {
        var result: [PipelineSnapshot] = []
        for name in environment.pipelines {
            do {
                let state = try await CodePipelineClient(context: context).getPipelineState(name: name)
                result.append(SnapshotMapper.pipeline(name: name, state: state))
            } catch {
                errors.append(SnapshotMapper.fetchError(error, operation: "CodePipeline GetPipelineState", at: now))
            }
        }
        return result
    }
}
