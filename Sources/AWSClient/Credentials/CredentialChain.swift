import Foundation

/// An ordered list of providers: the first to produce credentials wins, `.notFound` moves on,
/// `.failed` (or any other error) stops the search.
public struct CredentialChain: CredentialProvider {
    public var providers: [any CredentialProvider]

    public init(_ providers: [any CredentialProvider]) {
        self.providers = providers
    }

    public func credentials() async throws -> Credentials {
        var reasons: [CredentialError] = []
        for provider in providers {
            do {
                return try await provider.credentials()
            } catch let error as CredentialError where error.kind == .notFound {
                reasons.append(error)
            }
        }
        throw CredentialError.notFound("credential chain", Self.summary(reasons))
    }

    /// The AWS CLI's default order: environment keys, a web identity token named by the environment
    /// (`AWS_WEB_IDENTITY_TOKEN_FILE` with `AWS_ROLE_ARN`), the profile's shared-file settings, the ECS
    /// container endpoint, then EC2 instance metadata.
    ///
    /// - Parameter profile: an explicitly chosen profile (`--profile`, or `profile:` in ecsdash's
    ///   config). As in botocore, choosing one explicitly skips the environment keys, so a stray
    ///   `AWS_ACCESS_KEY_ID` cannot silently override it; otherwise `AWS_PROFILE` or `default` is used.
    public static func `default`(
        profile: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        transport: any HTTPTransport,
        clock: any AWSClock = SystemClock()
    ) -> CredentialChain {
        var providers: [any CredentialProvider] = []
        let explicit = AWSConfigLocation.nonEmpty(profile)
        if explicit == nil {
            providers.append(EnvironmentCredentialProvider(environment: environment))
            if let webIdentity = WebIdentityCredentialProvider.fromEnvironment(environment, transport: transport, clock: clock) {
                providers.append(webIdentity)
            }
        }
        providers.append(ProfileCredentialProvider(
            profile: ProfileFiles.selectedProfileName(explicit: explicit, environment: environment),
            environment: environment,
            transport: transport,
            clock: clock
        ))
        providers.append(ContainerCredentialProvider(environment: environment, transport: transport, clock: clock))
        providers.append(InstanceMetadataCredentialProvider(environment: environment, transport: transport, clock: clock))
        return CredentialChain(providers)
    }

    static func summary(_ reasons: [CredentialError]) -> String {
        guard !reasons.isEmpty else { return "no AWS credentials found: the chain has no providers" }
        return "no AWS credentials found; tried:\n" + reasons.map { "  - \($0)" }.joined(separator: "\n")
    }
}
