import Foundation

/// Amazon ECS over the JSON 1.1 protocol: clusters, services, tasks and task definitions.
///
/// Every list follows all of its pages and every describe is split into batches of the most ECS
/// accepts, so callers never see a truncated fleet (a peer lost every task past the first 100).
public struct ECSClient: Sendable {
    public let client: AWSServiceClient

    /// The most names one DescribeClusters call takes.
    static let clustersPerDescribe = 100
    /// The most names one DescribeServices call takes.
    static let servicesPerDescribe = 10
    /// The most ARNs one DescribeTasks call takes.
    static let tasksPerDescribe = 100

    public init(context: AWSClientContext) {
        client = AWSServiceClient(service: .ecs, context: context)
    }

    /// Every cluster ARN, following every page.
    public func listClusters() async throws -> [String] {
        try await Paginator.collect { token in
            let page: ECSListClustersOutput = try await client.json("ListClusters", ECSListInput(nextToken: token, maxResults: 100))
            return (try distinct(required(page.clusterArns, "clusterArns", "ListClusters"), "clusterArns", "ListClusters"), page.nextToken)
        }
    }

    /// Describes clusters by name or ARN, 100 a call.
    public func describeClusters(_ clusters: [String]) async throws -> ECSDescribeResult<ECSCluster> {
        try await describeInBatches(clusters, size: Self.clustersPerDescribe, operation: "DescribeClusters", member: "clusters") { batch in
            let output: ECSDescribeClustersOutput = try await client.json("DescribeClusters", ECSDescribeClustersInput(clusters: batch))
            return (output.clusters, output.failures ?? [])
        }
    }

    /// Every service ARN in the cluster, following every page (100 per page, the most ECS allows).
    public func listServices(cluster: String) async throws -> [String] {
        try await Paginator.collect { token in
            let page: ECSListServicesOutput = try await client.jsonPage(
                "ListServices", ECSListServicesInput(cluster: cluster, nextToken: token, maxResults: 100), array: "serviceArns", at: \.serviceArns)
            return (try distinct(required(page.serviceArns, "serviceArns", "ListServices"), "serviceArns", "ListServices"), page.nextToken)
        }
    }

    /// Describes services by name or ARN, 10 a call (the ECS limit), with the failures for missing ones.
    public func describeServices(cluster: String, services: [String]) async throws -> ECSDescribeResult<ECSService> {
        try await describeServices(cluster: cluster, services: services, reusing: DecodedElementCache<ECSService>?.none)
    }

    /// Describes services as above, decoding each as `Service`; with `cache` (a poller's, kept between
    /// refreshes), services whose bytes are unchanged since an earlier reply are taken from it.
    public func describeServices<Service: Equatable>(cluster: String, services: [String],
                                                     reusing cache: DecodedElementCache<Service>?) async throws -> ECSDescribeResult<Service> {
        try await describeInBatches(services, size: Self.servicesPerDescribe, operation: "DescribeServices", member: "services") { batch in
            let output: ECSDescribeServicesOutput<Service> = try await client.json(
                "DescribeServices", ECSDescribeServicesInput(cluster: cluster, services: batch), array: "services", at: \.services, reusing: cache)
            return (output.services, output.failures ?? [])
        }
    }

    /// Every task ARN in the cluster with that desired status, following every page.
    ///
    /// `desiredStatus` is always sent: AWS defaults to RUNNING but moto then lists STOPPED tasks too.
    public func listTasks(cluster: String, serviceName: String? = nil, desiredStatus: ECSDesiredStatus = .running,
                          family: String? = nil) async throws -> [String] {
        try await Paginator.collect { token in
            let input = ECSListTasksInput(cluster: cluster, serviceName: serviceName, desiredStatus: desiredStatus.rawValue,
                                          family: family, nextToken: token, maxResults: 100)
            let page: ECSListTasksOutput = try await client.jsonPage("ListTasks", input, array: "taskArns", at: \.taskArns)
            return (try distinct(required(page.taskArns, "taskArns", "ListTasks"), "taskArns", "ListTasks"), page.nextToken)
        }
    }

    /// Describes tasks by ARN or id, 100 a call (the ECS limit), with the failures for missing ones.
    public func describeTasks(cluster: String, tasks: [String]) async throws -> ECSDescribeResult<ECSTask> {
        try await describeTasks(cluster: cluster, tasks: tasks, reusing: DecodedElementCache<ECSTask>?.none)
    }

    /// Describes tasks as above, decoding each as `Task`; with `cache` (a poller's, kept between refreshes),
    /// tasks whose bytes are unchanged since an earlier reply are taken from it.
    public func describeTasks<Task: Equatable>(cluster: String, tasks: [String],
                                               reusing cache: DecodedElementCache<Task>?) async throws -> ECSDescribeResult<Task> {
        try await describeInBatches(tasks, size: Self.tasksPerDescribe, operation: "DescribeTasks", member: "tasks") { batch in
            let output: ECSDescribeTasksOutput<Task> = try await client.json(
                "DescribeTasks", ECSDescribeTasksInput(cluster: cluster, tasks: batch), array: "tasks", at: \.tasks, reusing: cache)
            return (output.tasks, output.failures ?? [])
        }
    }

    /// One task definition by `family`, `family:revision` or ARN; with `includeTags`, its tags as well.
    public func describeTaskDefinition(_ taskDefinition: String, includeTags: Bool = false) async throws -> ECSTaskDefinitionDescription {
        let output: ECSDescribeTaskDefinitionOutput = try await client.json(
            "DescribeTaskDefinition", ECSDescribeTaskDefinitionInput(taskDefinition: taskDefinition, include: includeTags ? ["TAGS"] : nil))
        guard let definition = output.taskDefinition else { throw malformed("DescribeTaskDefinition", "no taskDefinition in the reply") }
        return ECSTaskDefinitionDescription(taskDefinition: definition, tags: output.tags ?? [])
    }

    /// Changes a service: a new task definition, a forced redeployment, a desired count; returns the service after.
    @discardableResult
    public func updateService(cluster: String, service: String, taskDefinition: String? = nil, forceNewDeployment: Bool = false,
                              desiredCount: Int? = nil) async throws -> ECSService {
        let input = ECSUpdateServiceInput(cluster: cluster, service: service, taskDefinition: taskDefinition,
                                          forceNewDeployment: forceNewDeployment ? true : nil, desiredCount: desiredCount)
        let output: ECSServiceOutput = try await client.json("UpdateService", input)
        guard let updated = output.service else { throw malformed("UpdateService", "no service in the reply") }
        return updated
    }

    /// Registers a new revision of `definition`'s family from its registrable fields (everything it was
    /// described with except the ARN, revision, status and registration data) and returns the new revision.
    public func registerTaskDefinition(_ definition: ECSTaskDefinition, tags: [ECSTag] = []) async throws -> ECSTaskDefinition {
        let output: ECSDescribeTaskDefinitionOutput = try await client.json(
            "RegisterTaskDefinition", ECSRegisterTaskDefinitionInput(definition: definition, tags: tags))
        guard let registered = output.taskDefinition else { throw malformed("RegisterTaskDefinition", "no taskDefinition in the reply") }
        return registered
    }

    /// Stops a task, recording `reason` as its stopped reason; returns the task as ECS reports it after.
    @discardableResult
    public func stopTask(cluster: String, task: String, reason: String? = nil) async throws -> ECSTask {
        let output: ECSStopTaskOutput = try await client.json("StopTask", ECSStopTaskInput(cluster: cluster, task: task, reason: reason))
        guard let stopped = output.task else { throw malformed("StopTask", "no task in the reply") }
        return stopped
    }

    /// Calls `describe` for consecutive batches of at most `size` distinct names and joins the answers in order.
    /// ECS answers every name it is asked about, as an item or as a failure; a reply without the list, or with
    /// fewer (or more) answers than names, is a broken reply, never an empty or doubled world.
    private func describeInBatches<Item>(_ names: [String], size: Int, operation: String, member: String,
                                         _ describe: ([String]) async throws -> (items: [Item]?, failures: [ECSFailure])) async throws -> ECSDescribeResult<Item> {
        var seen: Set<String> = []
        let distinct = names.filter { seen.insert($0).inserted }
        var result = ECSDescribeResult<Item>()
        for start in stride(from: 0, to: distinct.count, by: size) {
            let batch = Array(distinct[start..<min(start + size, distinct.count)])
            let page = try await describe(batch)
            let items = try required(page.items, member, operation)
            guard items.count <= batch.count, items.count + page.failures.count >= batch.count else {
                throw malformed(operation, "asked about \(batch.count), the reply describes \(items.count) \(member) and \(page.failures.count) failures")
            }
            result.items += items
            result.failures += page.failures
        }
        return result
    }

    /// A list page never names one ARN twice; one that does is corrupt, and describing it would lose the rest.
    private func distinct(_ arns: [String], _ member: String, _ operation: String) throws -> [String] {
        guard Set(arns).count == arns.count else { throw malformed(operation, "the reply's `\(member)` names an ARN more than once") }
        return arns
    }

    /// A member every reply of `operation` carries; its absence (or null) means the reply is broken.
    private func required<Value>(_ value: Value?, _ member: String, _ operation: String) throws -> Value {
        guard let value else { throw malformed(operation, "the reply has no `\(member)`") }
        return value
    }

    private func malformed(_ operation: String, _ message: String) -> AWSError {
        AWSError(service: client.service.name, operation: operation, status: 200, code: "DeserializationError", message: message)
    }
}
