import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import TestSupport
/// The fewest API calls one full refresh of the fleet can make, worked out from the AWS batch limits and
/// the fleet's shape, independently of how the fetchers are written; keys are `Service.Operation` as
/// the simulator counts them.
struct APICallBudget: Equatable, Sendable {
    /// What one environment holds at the moment of a refresh.
    struct EnvironmentShape: Equatable, Sendable {
        var services: Int
        /// The config lists the services, so no ListServices is needed.
        var servicesConfigured = false
        /// Tasks whose desired status is RUNNING (ListTasks RUNNING lists these, pending ones included).
        var runningTasks: Int
        /// Tasks whose desired status is STOPPED (still visible for about an hour).
        var stoppedTasks: Int
        /// Task definitions the services use that no earlier refresh has fetched.
        var uncachedTaskDefinitions: Int
        var targetGroups: Int
        var pipelines: Int
    }

    // The limits, from the API references.
    static let listServicesPage = 100
    static let describeServicesBatch = 10
    static let listTasksPage = 100
    static let describeTasksBatch = 100
    static let batchGetImageIds = 100

    /// Operations a warm refresh should not need at all, because their answers are cached.
    static let cachedOperations: Set<String> = ["ECS.DescribeTaskDefinition", "STS.AssumeRole"]

    var calls: [String: Int] = [:]

    var total: Int { calls.values.reduce(0, +) }

    /// - Parameters:
    ///   - tagsPerRepository: env tags plus their `-previous` tags, asked of each repository.
    ///   - rolesToAssume: role sessions with no valid cached credentials at this refresh.
    init(environments: [EnvironmentShape], repositories: Int, tagsPerRepository: Int, rolesToAssume: Int) {
        for shape in environments {
            if !shape.servicesConfigured { add("ECS.ListServices", Self.pages(shape.services, Self.listServicesPage)) }
            add("ECS.DescribeServices", Self.batches(shape.services, Self.describeServicesBatch))
            // One ListTasks per desired status; an empty list still costs the one call that says so.
            add("ECS.ListTasks", Self.pages(shape.runningTasks, Self.listTasksPage) + Self.pages(shape.stoppedTasks, Self.listTasksPage))
            // Both lists go into one DescribeTasks batch sequence, so only the last batch is partly filled.
            add("ECS.DescribeTasks", Self.batches(shape.runningTasks + shape.stoppedTasks, Self.describeTasksBatch))
            add("ECS.DescribeTaskDefinition", shape.uncachedTaskDefinitions)
            // Neither operation takes more than one target group or pipeline per call.
            add("ELBv2.DescribeTargetHealth", shape.targetGroups)
            add("CodePipeline.GetPipelineState", shape.pipelines)
        }
        add("ECR.BatchGetImage", repositories * Self.batches(tagsPerRepository, Self.batchGetImageIds))
        add("STS.AssumeRole", rolesToAssume)
    }

    /// Pages of a list: at least one call even when the list is empty.
    static func pages(_ items: Int, _ size: Int) -> Int {
        max(1, batches(items, size))
    }

    /// Calls to describe `items` in batches of `size`: none when there is nothing to describe.
    static func batches(_ items: Int, _ size: Int) -> Int {
        (items + size - 1) / size
    }

    private mutating func add(_ operation: String, _ count: Int) {
        guard count > 0 else { return }
        calls[operation, default: 0] += count
    }

    /// Actual minus minimum for every operation where they differ.
    func excess(of actual: [String: Int]) -> [String: Int] {
        var difference: [String: Int] = [:]
        for operation in Set(actual.keys).union(calls.keys) {
            let delta = actual[operation, default: 0] - calls[operation, default: 0]
            if delta != 0 { difference[operation] = delta }
        }
        return difference
    }
}
