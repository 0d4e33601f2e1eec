import AWSClient
import DashboardModel
import Foundation

/// Client contexts for the registry and each environment as the config describes them: read roles for
/// watching, deploy roles for actions, or a per-account AWS profile instead of a role.
package struct FleetAccess: Sendable {
    package let config: DashboardConfig
    package let base: AWSAccess

    package init(config: DashboardConfig, overrides: AWSOverrides = AWSOverrides(), environment: [String: String] = ProcessInfo.processInfo.environment,
         transport: (any HTTPTransport)? = nil) throws {
        self.config = config
        let settings = TransportSettings(environment: environment, connectTimeout: config.connectTimeout, requestTimeout: config.requestTimeout)
        base = try AWSAccess(
            profile: overrides.profile ?? config.profile,
            region: overrides.region ?? config.region ?? config.environments.first?.access.region,
            endpointOverride: overrides.endpointURL ?? config.endpointURL,
            environment: environment, transport: transport ?? AsyncHTTPTransport(settings: settings)
        )
    }

    /// The context ecsdash reads an account with.
    package func readContext(_ account: AccountConfig) throws -> AWSClientContext {
        try context(account, roleArn: account.roleArn)
    }

    /// The context actions use; nil when the account has no deploy role and no profile of its own.
    package func deployContext(_ account: AccountConfig) throws -> AWSClientContext? {
        if let deployRole = account.deployRoleArn { return try context(account, roleArn: deployRole) }
        return account.profile != nil ? try context(account, roleArn: nil) : nil
    }

    private func context(_ account: AccountConfig, roleArn: String?) throws -> AWSClientContext {
        let region = account.region ?? base.region
        if let roleArn {
            return base.roleContext(roleArn: roleArn, region: region)
        }
        if let profile = account.profile {
            let access = try AWSAccess(profile: profile, region: region, endpointOverride: base.endpointOverride,
                                       environment: base.environment, transport: base.transport, clock: base.clock, rateLimiters: base.rateLimiters)
            var context = access.baseContext(region: region)
            context.rateLimiter = base.rateLimiters.limiter(forAccount: account.account)
            return context
        }
        var context = base.baseContext(region: region)
        context.rateLimiter = base.rateLimiters.limiter(forAccount: account.account)
        return context
    }
}
