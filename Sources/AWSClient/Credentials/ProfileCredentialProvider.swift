import Foundation

/// Credentials for a named profile in the shared config and credentials files: static keys, a role
/// assumed from a `source_profile` or `credential_source`, IAM Identity Center (SSO), or a
/// `credential_process` helper — in the AWS CLI's order of precedence.
public struct ProfileCredentialProvider: CredentialProvider {
    let profileName: String
    let environment: [String: String]
    let transport: any HTTPTransport
    let clock: any AWSClock
    let files: ProfileFiles?

    /// - Parameter files: parsed files to use instead of reading them on every call (tests pass text).
    public init(
        profile: String,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        transport: any HTTPTransport,
        clock: any AWSClock = SystemClock(),
        files: ProfileFiles? = nil
    ) {
        profileName = profile
        self.environment = environment
        self.transport = transport
        self.clock = clock
        self.files = files
    }

    var providerName: String { "profile \(profileName)" }

    public func credentials() async throws -> Credentials {
        let files = try loadFiles()
        guard files.profile(profileName) != nil else {
            // Only the implicit `default` may be absent quietly; a named profile that is missing is a typo.
            let message = "profile \(profileName) was not found in \(files.configPath) or \(files.credentialsPath); \(files.knownProfilesSummary)"
            throw profileName == "default" ? CredentialError.notFound(providerName, message) : CredentialError.failed(providerName, message)
        }
        do {
            return try await resolve(profileName, files: files, path: [profileName], asSource: false)
        } catch let error as CredentialError where error.provider != providerName {
            throw CredentialError.failed(providerName, error.description)
        }
    }

    private func loadFiles() throws(CredentialError) -> ProfileFiles {
        if let files { return files }
        do {
            return try ProfileFiles.load(environment: environment)
        } catch {
            throw CredentialError.failed(providerName, error.description)
        }
    }

    /// Resolves one profile; `path` is the chain of profiles that led here, for cycle detection.
    /// A source profile with static keys is used as-is, even if it also names a role, like botocore.
    private func resolve(_ name: String, files: ProfileFiles, path: [String], asSource: Bool) async throws -> Credentials {
        guard let profile = files.profile(name) else {
            throw failure("source_profile \(name) (used by profile \(path.dropLast().last ?? name)) does not exist; \(files.knownProfilesSummary)")
        }
        if asSource, let keys = try staticKeys(profile) { return keys }
        if let roleArn = profile["role_arn"] {
            return try await assumeRole(roleArn, profile: profile, files: files, path: path)
        }
        if Self.isSSO(profile) {
            return try await ssoProvider(profile, files: files).credentials()
        }
        if let keys = try staticKeys(profile) { return keys }
        if let command = profile["credential_process"] {
            return try await ProcessCredentialProvider(command: command).credentials()
        }
        let message = "profile \(name) has no credentials (no aws_access_key_id, role_arn, sso_* or credential_process)"
        throw asSource ? failure(message) : CredentialError.notFound(providerName, message)
    }

    private func staticKeys(_ profile: ProfileSection) throws(CredentialError) -> Credentials? {
        switch (profile["aws_access_key_id"], profile["aws_secret_access_key"]) {
        case (nil, nil):
            return nil
        case let (accessKeyId?, secretAccessKey?):
            let token = profile["aws_session_token"] ?? profile["aws_security_token"]
            return Credentials(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, sessionToken: token)
        case (_?, nil):
            throw failure("profile \(profile.name) sets aws_access_key_id but not aws_secret_access_key")
        case (nil, _?):
            throw failure("profile \(profile.name) sets aws_secret_access_key but not aws_access_key_id")
        }
    }

    private func assumeRole(_ roleArn: String, profile: ProfileSection, files: ProfileFiles, path: [String]) async throws -> Credentials {
        if profile["mfa_serial"] != nil {
            throw failure(Self.mfaMessage(profile: profile.name))
        }
        if let tokenFile = profile["web_identity_token_file"], profile["source_profile"] == nil, profile["credential_source"] == nil {
            return try await WebIdentityCredentialProvider(roleArn: roleArn, tokenFile: tokenFile, sessionName: profile["role_session_name"],
                                                           region: stsRegion(profile, files: files), transport: transport,
                                                           environment: environment, clock: clock).credentials()
        }
        let source = try await roleSource(profile, files: files, path: path)
        var duration: Int?
        if let text = profile["duration_seconds"] {
            guard let seconds = Int(text), seconds > 0 else {
                throw failure("profile \(profile.name): duration_seconds must be a whole number of seconds, not \(text)")
            }
            duration = seconds
        }
        return try await AssumeRoleCredentialProvider(
            roleArn: roleArn,
            source: source,
            region: stsRegion(profile, files: files),
            sessionName: profile["role_session_name"],
            externalId: profile["external_id"],
            durationSeconds: duration,
            transport: transport,
            environment: environment,
            clock: clock
        ).credentials()
    }

    /// The credentials a role is assumed with: another profile's, or a named built-in source.
    private func roleSource(_ profile: ProfileSection, files: ProfileFiles, path: [String]) async throws -> any CredentialProvider {
        switch (profile["source_profile"], profile["credential_source"]) {
        case (_?, _?):
            throw failure("profile \(profile.name) sets both source_profile and credential_source; keep one")
        case (nil, nil):
            throw failure("profile \(profile.name) sets role_arn but neither source_profile, credential_source nor web_identity_token_file")
        case let (sourceName?, nil):
            let selfReference = sourceName == profile.name && files.profile(sourceName).map(Self.hasStaticKeys) == true
            if path.contains(sourceName) && !selfReference {
                throw failure("source_profile cycle: " + (path + [sourceName]).joined(separator: " -> "))
            }
            let keys = try await resolve(sourceName, files: files, path: path + [sourceName], asSource: true)
            return StaticCredentialProvider(keys)
        case let (nil, sourceKind?):
            return try builtInSource(sourceKind, profile: profile.name)
        }
    }

    private func builtInSource(_ kind: String, profile: String) throws(CredentialError) -> any CredentialProvider {
        switch kind {
        case "Environment":
            return EnvironmentCredentialProvider(environment: environment)
        case "Ec2InstanceMetadata":
            return InstanceMetadataCredentialProvider(environment: environment, transport: transport, clock: clock)
        case "EcsContainer":
            return ContainerCredentialProvider(environment: environment, transport: transport, clock: clock)
        default:
            throw failure("profile \(profile) has credential_source \(kind); expected Environment, Ec2InstanceMetadata or EcsContainer")
        }
    }

    /// STS is regional: the environment's region, else the role profile's, else us-east-1.
    private func stsRegion(_ profile: ProfileSection, files: ProfileFiles) -> String {
        RegionResolver.region(environment: environment, profile: profile)
            ?? files.profile(profileName)?["region"]
            ?? "us-east-1"
    }

    private func ssoProvider(_ profile: ProfileSection, files: ProfileFiles) throws(CredentialError) -> SSOCredentialProvider {
        var startURL = profile["sso_start_url"]
        var region = profile["sso_region"]
        let sessionName = profile["sso_session"]
        if let sessionName {
            guard let session = files.ssoSessions[sessionName] else {
                throw failure("profile \(profile.name) uses sso_session \(sessionName), but \(files.configPath) has no [sso-session \(sessionName)] section")
            }
            startURL = session["sso_start_url"] ?? startURL
            region = session["sso_region"] ?? region
        }
        let required: [(String, String?)] = [
            ("sso_start_url", startURL), ("sso_region", region),
            ("sso_account_id", profile["sso_account_id"]), ("sso_role_name", profile["sso_role_name"]),
        ]
        let missing = required.filter { $0.1 == nil }.map(\.0)
        guard missing.isEmpty, let startURL, let region, let accountId = profile["sso_account_id"], let roleName = profile["sso_role_name"] else {
            throw failure("SSO profile \(profile.name) is missing " + missing.joined(separator: ", "))
        }
        return SSOCredentialProvider(
            profileName: profile.name,
            startURL: startURL,
            region: region,
            accountId: accountId,
            roleName: roleName,
            sessionName: sessionName,
            cacheDirectory: AWSConfigLocation.ssoCacheDirectory(environment: environment),
            transport: transport,
            clock: clock
        )
    }

    static func isSSO(_ profile: ProfileSection) -> Bool {
        ["sso_session", "sso_start_url", "sso_account_id", "sso_role_name"].contains { profile[$0] != nil }
    }

    static func hasStaticKeys(_ profile: ProfileSection) -> Bool {
        profile["aws_access_key_id"] != nil && profile["aws_secret_access_key"] != nil
    }

    static func mfaMessage(profile: String) -> String {
        "profile \(profile) sets mfa_serial, but ecsdash runs full-screen and cannot prompt for an MFA code. "
            + "Use credential_process instead: point it at a helper that asks for the code once and caches an MFA session "
            + "(for example `credential_process = aws-vault exec \(profile) --json`, or a script around `aws sts get-session-token`)"
    }

    private func failure(_ message: String) -> CredentialError {
        CredentialError.failed(providerName, message)
    }
}
