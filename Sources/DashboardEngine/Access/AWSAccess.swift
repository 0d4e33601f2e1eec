import AWSClient
import DashboardModel
import Foundation

/// How ecsdash reaches AWS for one run: the base credential chain (cached, refreshed before expiry),
/// the region, an optional endpoint override, and client contexts for the base identity or an assumed role.
package struct AWSAccess: Sendable {
    package let region: String
    package let endpointOverride: String?
    package let environment: [String: String]
    package let transport: any HTTPTransport
    package let clock: any AWSClock
    package let baseCredentials: any CredentialProvider
    package let rateLimiters: RateLimiterRegistry

    /// No region anywhere: neither given, nor in the environment, nor in the profile.
    package struct MissingRegion: Error, CustomStringConvertible {
        package var description: String {
            "no AWS region: pass --region, set AWS_REGION, or put `region = …` in your AWS profile"
        }
    }

    package init(profile: String?, region: String?, endpointOverride: String?,
         environment: [String: String] = ProcessInfo.processInfo.environment,
         transport: (any HTTPTransport)? = nil, clock: any AWSClock = SystemClock(),
         rateLimiters: RateLimiterRegistry = .shared) throws {
        guard let resolved = try region ?? RegionResolver.resolve(profile: profile, environment: environment) else {
            throw MissingRegion()
        }
        self.region = resolved
        self.endpointOverride = endpointOverride
        self.environment = environment
        let transport = transport ?? AsyncHTTPTransport(settings: TransportSettings(environment: environment))
        self.transport = transport
        self.clock = clock
        self.rateLimiters = rateLimiters
        // Profiles that assume roles call STS themselves; an endpoint override must reach them too.
        var chainEnvironment = environment
        if let endpointOverride { chainEnvironment["AWS_ENDPOINT_URL"] = endpointOverride }
        baseCredentials = CachingCredentialProvider(
            CredentialChain.default(profile: profile, environment: chainEnvironment, transport: transport, clock: clock), clock: clock)
    }

    /// A context acting as the base identity.
    package func baseContext(region: String? = nil) -> AWSClientContext {
        context(credentials: baseCredentials, region: region ?? self.region, account: nil)
    }

    /// A context acting as `roleArn`, assumed with the base identity and refreshed before it expires.
    package func roleContext(roleArn: String, region: String? = nil, sessionName: String = AWSAccess.sessionName(), externalId: String? = nil) -> AWSClientContext {
        let region = region ?? self.region
        let assumed = AssumeRoleCredentialProvider(
            roleArn: roleArn, source: baseCredentials, region: region, sessionName: sessionName, externalId: externalId,
            transport: transport, environment: environment, endpointOverride: endpointOverride, clock: clock
        )
        return context(credentials: CachingCredentialProvider(assumed, clock: clock), region: region, account: AWSAccess.account(inArn: roleArn))
    }

    private func context(credentials: any CredentialProvider, region: String, account: String?) -> AWSClientContext {
        AWSClientContext(
            region: region, credentials: credentials, transport: transport, endpointOverride: endpointOverride,
            environment: environment, clock: clock, rateLimiter: account.map { rateLimiters.limiter(forAccount: $0) }
        )
    }

    /// `ecsdash-<user>-<epoch>`: CloudTrail in the target account shows who acted.
    package static func sessionName(user: String = ProcessInfo.processInfo.environment["USER"] ?? "user", now: Date = Date()) -> String {
        let safeUser = String(user.filter { $0.isLetter || $0.isNumber || "+=,.@_-".contains($0) }.prefix(32))
        return "ecsdash-\(safeUser.isEmpty ? "user" : safeUser)-\(Int(now.timeIntervalSince1970))"
    }

    /// The account id in an ARN (`arn:aws:iam::222222222222:role/X` → `222222222222`).
    package static func account(inArn arn: String) -> String? {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 6, parts[0] == "arn", parts[4].count == 12 else { return nil }
        return String(parts[4])
    }
}
