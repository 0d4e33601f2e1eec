import AWSClient
import DashboardModel
import FleetSimulator
import Foundation

/// Everything a command needs to watch the fleet: the config, the fetchers and the clock, either for
/// real AWS or for the embedded simulated fleet.
package struct FleetSetup: Sendable {
    package let config: DashboardConfig
    package let sources: FleetSources
    package let clock: any AWSClock
    /// Present only in demo mode.
    package let simulator: SimulatedFleet?
    /// Deploy contexts for actions, by account id.
    package let deployContext: @Sendable (AccountConfig) throws -> AWSClientContext?

    /// Real AWS, read through the config's read roles; throws when an environment's access cannot be set up.
    package static func live(config: DashboardConfig, fleet: FleetAccess) throws -> FleetSetup {
        let sources = try FleetSources(config: config, contexts: fleet.readContext)
        return FleetSetup(config: config, sources: sources, clock: SystemClock(), simulator: nil, deployContext: fleet.deployContext)
    }

    /// The simulated fleet, reached through the same clients, signing and role assumption as AWS. `transport`
    /// replaces the simulator's own for benchmarks that time or replay what passes through it.
    package static func demo(simulator: SimulatedFleet, config: DashboardConfig, clock: any AWSClock,
                     transport: (any HTTPTransport)? = nil) -> FleetSetup {
        let region = config.region ?? SimulatedFleet.region
        let transport = transport ?? simulator.transport
        let base = AWSClientContext(region: region, credentials: StaticCredentialProvider(SimulatedFleet.demoCredentials),
                                    transport: transport, clock: clock, retryPolicy: RetryPolicy(maxAttempts: 2))
        let contexts: @Sendable (AccountConfig, String?) -> AWSClientContext = { account, role in
            guard let role else { return base }
            let assumed = AssumeRoleCredentialProvider(roleArn: role, source: base.credentials, region: region, sessionName: "ecsdash-demo",
                                                       transport: transport, environment: [:], clock: clock)
            return base.with(credentials: CachingCredentialProvider(assumed, clock: clock))
        }
        let sources = FleetSources(config: config, contexts: { contexts($0, $0.roleArn) }, clock: clock)
        return FleetSetup(config: config, sources: sources, clock: clock, simulator: simulator,
                          deployContext: { account in account.deployRoleArn.map { contexts(account, $0) } })
    }

    package init(
        config: DashboardConfig,
        sources: FleetSources,
        clock: any AWSClock,
        simulator: SimulatedFleet?,
        deployContext: @escaping @Sendable (AccountConfig) throws -> AWSClientContext?
    ) {
        self.config = config
        self.sources = sources
        self.clock = clock
        self.simulator = simulator
        self.deployContext = deployContext
    }
}
