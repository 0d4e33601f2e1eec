import AWSClient
import DashboardModel
import Foundation

/// The fetchers for every environment and the registry, built once from the config so caches
/// (task definitions) and per-account rate limiters live as long as the run.
package struct FleetSources: Sendable {
    package let environments: [EnvironmentFetcher]
    package let registry: RegistryFetcher?
    package let clock: any AWSClock

    /// Bounds each environment's read and the registry's.
    package let deadline: PollDeadline

    package init(config: DashboardConfig, contexts: (AccountConfig) throws -> AWSClientContext, clock: any AWSClock = SystemClock()) rethrows {
        deadline = PollDeadline(requestTimeout: config.requestTimeout)
        environments = try config.environments.map { environment in
            EnvironmentFetcher(environment: environment, context: try contexts(environment.access))
        }
        registry = try config.registry.map { account in
            RegistryFetcher(context: try contexts(account), environmentNames: config.environments.map(\.name))
        }
        self.clock = clock
    }

    /// One poll of every environment at once, then the registry for the repositories they use.
    package func readOnce(only names: Set<String>? = nil) async -> FleetSnapshot {
        let selected = environments.filter { names?.contains($0.environment.name) ?? true }
        var fleet = FleetSnapshot(environmentNames: selected.map(\.environment.name))
        let clock = self.clock
        let deadline = self.deadline
        let events = await withTaskGroup(of: FleetEvent.self) { group in
            for fetcher in selected {
                group.addTask {
                    let now = clock.now()
                    do {
                        let name = fetcher.environment.name
                        return .environmentFetched(try await deadline.run("poll \(name)", clock: clock, waitingOn: { fetcher.counter.inFlight }) {
                            try await fetcher.fetch(now: now)
                        })
                    } catch {
                        return .environmentFailed(environment: fetcher.environment.name,
                                                  error: SnapshotMapper.fetchError(error, operation: "poll \(fetcher.environment.name)", at: now))
                    }
                }
            }
            var collected: [FleetEvent] = []
            for await event in group { collected.append(event) }
            return collected
        }
        for event in events { fleet.apply(event) }
        if let registry {
            fleet.apply(.registryFetched(await registry.fetch(repositories: fleet.repositories, now: clock.now(), deadline: deadline)))
        }
        return fleet
    }
}
