import AWSClient
import DashboardModel
import Foundation

/// What actions reach AWS with: read contexts for planning and watching, deploy contexts for writes, the clock.
package struct ActionAccess: Sendable {
    package let config: DashboardConfig
    package let sources: FleetSources
    package let clock: any AWSClock
    package let deployContext: @Sendable (AccountConfig) throws -> AWSClientContext?

    package init(setup: FleetSetup) {
        config = setup.config
        sources = setup.sources
        clock = setup.clock
        deployContext = setup.deployContext
    }

    package func fetcher(_ environment: String) -> EnvironmentFetcher? {
        sources.environments.first { $0.environment.name == environment }
    }

    /// The deploy context for an account, or an error naming the missing `deploy_role_arn`.
    package func writeContext(_ account: AccountConfig, label: String) throws -> AWSClientContext {
        guard let context = try deployContext(account) else {
            throw ActionError(message: "\(label) has no deploy_role_arn (or profile) in the config: actions cannot write there", exitCode: ActionOutcome.usage)
        }
        return context
    }
}
