import DashboardModel
import DashboardViews
import Foundation

/// A small fixed fleet and state for reducer and golden-render tests: three services in dev/uat/prod.
package enum UITestFleet {
    package static let now = Date(timeIntervalSince1970: 1_790_000_000)
    package static let registry = "111111111111.dkr.ecr.eu-west-1.amazonaws.com"

    package static func fleet() -> FleetSnapshot {
        var fleet = FleetSnapshot(environmentNames: ["dev", "uat", "prod"])
        for environment in ["dev", "uat", "prod"] {
            var services = ["api", "frontend", "worker"].map { name in
                ServiceSnapshot.fixture(name: name, image: "\(registry)/myapp-\(name):\(environment)", digests: ["sha256:\(digest(name, environment))"])
            }
            if environment == "uat" {
                services[1].rolloutState = .inProgress
                services[1].pending = 1
            }
            if environment == "prod" {
                services[2].running = 1
                services[2].tasks[0].health = "UNHEALTHY"
            }
            fleet.apply(.environmentFetched(EnvironmentSnapshot(environment: environment, account: "2", cluster: "app-\(environment)",
                                                                fetchedAt: now.addingTimeInterval(-4), services: services, pipelines: [], errors: [], apiCalls: 9)))
        }
        var repositories: [String: RegistrySnapshot.Repository] = [:]
        for name in ["api", "frontend", "worker"] {
            var tags: [String: String] = [:]
            for environment in ["dev", "uat", "prod"] { tags[environment] = "sha256:\(digest(name, environment))" }
            repositories["myapp-\(name)"] = .init(digestsByTag: tags, tagsByDigest: [:], pushedAtByDigest: [:])
        }
        fleet.apply(.registryFetched(RegistrySnapshot(fetchedAt: now, repositories: repositories, errors: [], apiCalls: 3)))
        return fleet
    }

    /// Digests chosen so api is fully promoted, frontend differs uat→prod, and worker differs everywhere.
    package static func digest(_ service: String, _ environment: String) -> String {
        switch (service, environment) {
        case ("api", _): return "a1a1a1a1a1a1a1a1"
        case ("frontend", "prod"): return "f0f0f0f0f0f0f0f0"
        case ("frontend", _): return "f1f1f1f1f1f1f1f1"
        case ("worker", "dev"): return "d1d1d1d1d1d1d1d1"
        case ("worker", "uat"): return "e2e2e2e2e2e2e2e2"
        default: return "c3c3c3c3c3c3c3c3"
        }
    }

    /// The fleet with one of each problem: dev/api crashed (OOM) 7 minutes ago and was replaced, uat/frontend's
    /// rollout has run 14 minutes, prod/worker's build was rolled back 3 minutes ago.
    package static func troubledFleet() -> FleetSnapshot {
        var fleet = fleet()
        for environment in ["dev", "uat", "prod"] {
            guard var snapshot = fleet.state(environment)?.snapshot else { continue }
            switch environment {
            case "dev":
                snapshot.services[0].tasks.append(TaskSnapshot(
                    id: "0dd", arn: "arn:task/0dd", lastStatus: "STOPPED", desiredStatus: "STOPPED", health: "UNKNOWN",
                    stoppedAt: now.addingTimeInterval(-7 * 60), stoppedReason: "Essential container in task exited", stopCode: "EssentialContainerExited",
                    taskDefinitionArn: "arn:td/api:1",
                    containers: [ContainerSnapshot(name: "api", image: nil, imageDigest: nil, lastStatus: "STOPPED", exitCode: 137,
                                                   reason: "OutOfMemoryError: Container killed due to memory usage", health: nil)]))
            case "uat":
                snapshot.services[1].deployments[0].rolloutState = .inProgress
                snapshot.services[1].deployments[0].createdAt = now.addingTimeInterval(-14 * 60)
            default:
                snapshot.services[2].events = [
                    ServiceEventSnapshot(id: "e2", createdAt: now.addingTimeInterval(-3 * 60), message: "(service worker) rolling back to deployment ecs-svc/1."),
                    ServiceEventSnapshot(id: "e1", createdAt: now.addingTimeInterval(-3 * 60 - 1),
                                         message: "(service worker) (deployment ecs-svc/2) deployment failed: tasks failed to start."),
                ]
            }
            fleet.problems.record(snapshot, now: now)
            fleet.environments[fleet.environments.firstIndex { $0.name == environment }!].snapshot = snapshot
        }
        return fleet
    }

    package static func state(readOnly: Bool = false) -> AppState {
        AppState(environments: ["dev", "uat", "prod"], protectedEnvironments: ["prod"], configLabel: "ecsdash.yaml", region: "eu-west-1",
                 readOnly: readOnly, refresh: 10, themeName: "default", fleet: fleet(), now: now)
    }

    package static func render(_ state: AppState, width: Int = 100, height: Int = 24, symbols: Symbols = .unicode) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        ScreenRenderer(symbols: symbols).render(state, into: &grid)
        return grid
    }
}
