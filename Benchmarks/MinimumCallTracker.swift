import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

/// Follows a run of refreshes to know, at each one, the fleet's shape and what the client may already have
/// cached (task definitions by ARN, assumed-role keys), and turns that into the `APICallBudget` for it.
struct MinimumCallTracker {
    /// One cached credential per account the fleet reads (each environment and the registry), as `FleetSources` builds them.
    private var roleSessions: [String]
    private var assumedAt: [String: Date] = [:]
    private var fetchedDefinitions: [String: Set<String>] = [:]
    private let configuredServices: Set<String>
    private let pipelines: [String: Int]
    private let tagsPerRepository: Int
    private let loadBalanced: Set<String>

    /// STS keys last an hour by default; `CachingCredentialProvider` refreshes them within 300 s of expiry.
    static let sessionSeconds: TimeInterval = 3600
    static let refreshMargin: TimeInterval = 300

    init(config: DashboardConfig, servicesPerEnvironment: Int) {
        roleSessions = config.environments.compactMap { $0.access.roleArn == nil ? nil : "env:\($0.name)" }
            + (config.registry?.roleArn == nil ? [] : ["registry"])
        configuredServices = Set(config.environments.filter { $0.services != nil }.map(\.name))
        pipelines = Dictionary(config.environments.map { ($0.name, $0.pipelines.count) }) { $1 }
        // Each repository is asked for every env tag and its `-previous` tag.
        tagsPerRepository = config.environments.count * 2
        // Which services sit behind a target group is part of the simulated world's layout.
        loadBalanced = Set((0..<max(1, servicesPerEnvironment)).filter(SimulatedWorld.hasLoadBalancer).map(SimulatedWorld.serviceName))
    }

    /// The minimum for the refresh that produced `fleet` at `now`; records what that refresh left cached.
    mutating func minimum(after fleet: FleetSnapshot, at now: Date) -> APICallBudget {
        var shapes: [APICallBudget.EnvironmentShape] = []
        for state in fleet.environments {
            guard let snapshot = state.snapshot else { continue }
            let tasks = snapshot.services.flatMap(\.tasks)
            let definitions = Set(snapshot.services.map(\.taskDefinitionArn).filter { !$0.isEmpty })
            let uncached = definitions.subtracting(fetchedDefinitions[state.name] ?? [])
            fetchedDefinitions[state.name, default: []].formUnion(definitions)
            shapes.append(APICallBudget.EnvironmentShape(
                services: snapshot.services.count, servicesConfigured: configuredServices.contains(state.name),
                runningTasks: tasks.filter { $0.desiredStatus == "RUNNING" }.count,
                stoppedTasks: tasks.filter { $0.desiredStatus == "STOPPED" }.count,
                uncachedTaskDefinitions: uncached.count,
                targetGroups: snapshot.services.filter { loadBalanced.contains($0.name) }.count,
                pipelines: pipelines[state.name] ?? 0))
        }
        var roles = 0
        for session in roleSessions {
            if let last = assumedAt[session], now < last.addingTimeInterval(Self.sessionSeconds - Self.refreshMargin) { continue }
            assumedAt[session] = now
            roles += 1
        }
        return APICallBudget(environments: shapes, repositories: fleet.repositories.count, tagsPerRepository: tagsPerRepository, rolesToAssume: roles)
    }
}
