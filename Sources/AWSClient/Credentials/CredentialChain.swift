import Foundation

/// An ordered list of providers: the first to produce credentials wins, `.notFound` moves on,
/// `.failed` (or any other error) stops the search.
public struct CredentialChain: CredentialProvider {
    public var providers: [any CredentialProvider]
    /// Checked before any provider runs; what it throws stops the search.
    public var preflight: (@Sendable () throws -> Void)?

    public init(_ providers: [any CredentialProvider], preflight: (@Sendable () throws -> Void)? = nil) {
        self.providers = providers
        self.preflight = preflight
    }

    public func credentials() async throws -> Credentials {
        try preflight?()
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

    /// botocore's default order: environment keys, the profile's shared-file settings (`ProfileCredentialProvider`,
    /// which also reads the environment's web identity), the ECS container endpoint, then EC2 instance metadata.
    ///
    /// Before any of them, as botocore does: both files must parse, and a profile asked for by name must exist,
    /// even when environment keys would otherwise be used (`AWS_PROFILE=typo` is refused, not ignored).
    ///
    /// - Parameter profile: an explicitly chosen profile (`--profile`, or `profile:` in ecsdash's
    ///   config). As in botocore, choosing one explicitly skips the environment keys and web identity, so a stray
    ///   `AWS_ACCESS_KEY_ID` cannot silently override it; otherwise `AWS_DEFAULT_PROFILE`, `AWS_PROFILE` or `default`.
    public static func `default`(
        profile: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        transport: any HTTPTransport,
        clock: any AWSClock = SystemClock()
    ) -> CredentialChain {
        var providers: [any CredentialProvider] = []
        let selection = ProfileSelection(explicit: profile, environment: environment)
        if !selection.isExplicit {
            providers.append(EnvironmentCredentialProvider(environment: environment))
        }
        providers.append(ProfileCredentialProvider(
            profile: selection.name,
            environment: environment,
            transport: transport,
            clock: clock,
            readsEnvironmentWebIdentity: !selection.isExplicit
        ))
        providers.append(ContainerCredentialProvider(environment: environment, transport: transport, clock: clock))
        providers.append(InstanceMetadataCredentialProvider(environment: environment, transport: transport, clock: clock))
        return CredentialChain(providers) { try checkProfileFiles(selection, environment: environment) }
    }

    /// Throws when the files do not parse, or when the profile was named and is not in them.
    static func checkProfileFiles(_ selection: ProfileSelection, environment: [String: String]) throws(CredentialError) {
        let provider = "profile \(selection.name)"
        let files: ProfileFiles
        do {
            files = try ProfileFiles.load(environment: environment)
        } catch {
            throw CredentialError.failed(provider, .fileSyntax, error.description)
        }
        guard selection.isNamed, files.profile(selection.name) == nil else { return }
        throw CredentialError.failed(provider, .profileNotFound,
                                     "\(selection.source) names profile \"\(selection.name)\", which is not in \(files.configPath) or \(files.credentialsPath); \(files.knownProfilesSummary)")
    }

    static func summary(_ reasons: [CredentialError]) -> String {
        guard !reasons.isEmpty else { return "no AWS credentials found: the chain has no providers" }
        return "no AWS credentials found; tried:\n" + reasons.map { "  - \($0)" }.joined(separator: "\n")
    }
}
