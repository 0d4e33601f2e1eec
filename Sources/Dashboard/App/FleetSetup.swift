import AWSClient
import Foundation

/// Everything a command needs to watch the fleet: the config, the fetchers and the clock, either for
/// real AWS or for the embedded simulated fleet.
struct FleetSetup: Sendable {
    let config: DashboardConfig
    let sources: FleetSources
    let clock: any AWSClock
    /// Deploy contexts for actions, by account id.
    let deployContext: @Sendable (AccountConfig) throws -> AWSClientContext?

    static func live(_ options: ConfigOptions) throws -> FleetSetup {
        let config = try options.load()
        let fleet = try options.fleetAccess(config)
        let sources: FleetSources
        do {
            sources = try FleetSources(config: config, contexts: fleet.readContext)
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: .usage)
        }
        return FleetSetup(config: config, sources: sources, clock: SystemClock(), deployContext: fleet.deployContext)
    }
}
