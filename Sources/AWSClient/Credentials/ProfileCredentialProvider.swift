import Foundation

/// Credentials for a named profile in the shared config and credentials files, found in botocore's order:
/// a role (`role_arn` with `source_profile` or `credential_source`), web identity, IAM Identity Center (SSO),
/// keys in the credentials file, a `credential_process` helper, then keys in the config file.
public struct ProfileCredentialProvider: CredentialProvider {
    let profileName: String
    let environment: [String: String]
    let transport: any HTTPTransport
    let clock: any AWSClock
    let files: ProfileFiles?
    /// Whether the environment's web identity (`AWS_WEB_IDENTITY_TOKEN_FILE`, `AWS_ROLE_ARN`) is read, as botocore
    /// does unless a profile was chosen explicitly.
    let readsEnvironmentWebIdentity: Bool

    /// - Parameters:
    ///   - files: parsed files to use instead of reading them on every call (tests pass text).
    ///   - readsEnvironmentWebIdentity: false when the profile was chosen explicitly (`--profile`).
    public init(
        profile: String,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        transport: any HTTPTransport,
        clock: any AWSClock = SystemClock(),
        files: ProfileFiles? = nil,
        readsEnvironmentWebIdentity: Bool = false
    ) {
        profileName = profile
        self.environment = environment
        self.transport = transport
        self.clock = clock
        self.files = files
        self.readsEnvironmentWebIdentity = readsEnvironmentWebIdentity
    }

    var providerName: String { "profile \(profileName)" }

    /// Keys whose presence decides which source a profile uses; botocore goes by presence, so an empty value is
    /// refused here rather than guessed at (botocore would send an empty key id, or crash on an empty command).
    static let decidingKeys = [
        "aws_access_key_id", "aws_secret_access_key", "role_arn", "source_profile", "credential_source", "credential_process",
        "web_identity_token_file", "sso_session", "sso_account_id", "sso_role_name", "sso_start_url", "sso_region",
    ]

    public func credentials() async throws -> Credentials {
        let files = try loadFiles()
        let found = files.profile(profileName)
        // Only `default` may be absent quietly (the environment's web identity may still apply, then the search moves
        // on); a named profile that is missing is a typo. The chain applies botocore's exact rule first.
        if found == nil && profileName != "default" {
            throw CredentialError.failed(providerName, .profileNotFound,
                                         "profile \(profileName) was not found in \(files.configPath) or \(files.credentialsPath); \(files.knownProfilesSummary)")
        }
        let profile = found ?? ProfileSection(kind: .profile, name: profileName)
        do {
            return try await resolveTop(profile, files: files)
        } catch let error as CredentialError where error.provider != providerName {
            var wrapped = CredentialError.failed(providerName, error.cause, error.description)
            wrapped.kind = error.kind == .notFound ? .notFound : .failed
            wrapped.underlyingAWSError = error.underlyingAWSError
            throw wrapped
        }
    }

    private func loadFiles() throws(CredentialError) -> ProfileFiles {
        if let files { return files }
        do {
            return try ProfileFiles.load(environment: environment)
        } catch {
            throw CredentialError.failed(providerName, .fileSyntax, error.description)
        }
    }

    /// The selected profile, through botocore's whole profile chain.
    private func resolveTop(_ profile: ProfileSection, files: ProfileFiles) async throws -> Credentials {
        try Self.refuseBlankSettings(profile)
        if Self.assumesRole(profile) {
            return try await assumeRole(profile, files: files, visited: [profile.name])
        }
        if let credentials = try await profileChain(profile, files: files, environmentWebIdentity: readsEnvironmentWebIdentity) {
            return credentials
        }
        let what = files.profile(profile.name) == nil ? "is not in \(files.configPath) or \(files.credentialsPath)" : "has no credentials (no aws_access_key_id, role_arn, sso_* or credential_process)"
        throw CredentialError.notFound(providerName, "profile \(profile.name) \(what)")
    }

    /// botocore's per-profile providers after the role: web identity, SSO, credentials-file keys, credential_process,
    /// config-file keys. Nil when none applies.
    private func profileChain(_ profile: ProfileSection, files: ProfileFiles, environmentWebIdentity: Bool) async throws -> Credentials? {
        if let webIdentity = try webIdentityProvider(profile, files: files, fromEnvironment: environmentWebIdentity) {
            return try await webIdentity.credentials()
        }
        if Self.isSSO(profile) {
            return try await ssoProvider(profile, files: files).credentials()
        }
        if let keys = try Self.staticKeys(files.credentialsProfiles[profile.name]) { return keys }
        if let command = profile.properties["credential_process"] {
            return try await ProcessCredentialProvider(command: command, environment: environment, clock: clock).credentials()
        }
        return try Self.staticKeys(files.configProfiles[profile.name])
    }

    /// `role_arn` set and no `web_identity_token_file` (which makes it a web identity profile instead).
    static func assumesRole(_ profile: ProfileSection) -> Bool {
        profile.has("role_arn") && !profile.has("web_identity_token_file")
    }

    /// Either key of a pair, in either file: what makes a source profile a "static keys" profile for botocore.
    static func hasStaticKeys(_ profile: ProfileSection) -> Bool {
        profile.has("aws_access_key_id") || profile.has("aws_secret_access_key")
    }

    /// The key pair one file's section holds, looked up as botocore's providers do: present only when the key id is.
    static func staticKeys(_ section: ProfileSection?) throws(CredentialError) -> Credentials? {
        guard let section, let accessKeyId = section.properties["aws_access_key_id"] else { return nil }
        guard let secret = section.properties["aws_secret_access_key"] else {
            throw CredentialError.failed("profile \(section.name)", .partialKeys,
                                         "\(section.location(of: "aws_access_key_id")): aws_access_key_id is set but aws_secret_access_key is not, in the same file")
        }
        let token = section["aws_security_token"] ?? section["aws_session_token"]
        return Credentials(accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: token)
    }

    static func refuseBlankSettings(_ profile: ProfileSection) throws(CredentialError) {
        for key in decidingKeys where profile.properties[key]?.isEmpty == true {
            throw CredentialError.failed("profile \(profile.name)", .badSetting,
                                         "\(profile.location(of: key)): \(key) is empty; give it a value or remove the line")
        }
    }

    /// AssumeRole with the credentials of `source_profile` or `credential_source`; `visited` holds the profiles on
    /// the way here, for botocore's cycle rule (a profile may name itself only when it holds keys).
    private func assumeRole(_ profile: ProfileSection, files: ProfileFiles, visited: [String]) async throws -> Credentials {
        let roleArn = profile.properties["role_arn"] ?? ""
        let source = try await roleSource(profile, files: files, visited: visited)
        if profile["mfa_serial"] != nil {
            throw failure(.badSetting, Self.mfaMessage(profile: profile.name))
        }
        return try await AssumeRoleCredentialProvider(
            roleArn: roleArn,
            source: source,
            region: stsRegion(profile, files: files),
            sessionName: profile.properties["role_session_name"],
            externalId: profile.properties["external_id"],
            // botocore ignores a duration_seconds that is not a whole number; so does this.
            durationSeconds: profile.properties["duration_seconds"].flatMap { Int($0) },
            transport: transport,
            environment: environment,
            clock: clock
        ).credentials()
    }

    /// The credentials a role is assumed with: another profile's, or a named built-in source.
    private func roleSource(_ profile: ProfileSection, files: ProfileFiles, visited: [String]) async throws -> any CredentialProvider {
        switch (profile.properties["source_profile"], profile.properties["credential_source"]) {
        case (_?, _?):
            throw failure(.badSetting, "profile \(profile.name) sets both source_profile and credential_source; keep one")
        case (nil, nil):
            throw failure(.partialKeys, "\(profile.location(of: "role_arn")): profile \(profile.name) sets role_arn but neither source_profile nor credential_source")
        case let (nil, sourceKind?):
            let provider = try builtInSource(sourceKind, profile: profile)
            do {
                return StaticCredentialProvider(try await provider.credentials())
            } catch let error as CredentialError where error.kind == .notFound {
                throw failure(.sourceFailed, "profile \(profile.name) has credential_source \(sourceKind), which found no credentials: \(error.message)")
            }
        case let (sourceName?, nil):
            guard let source = files.profile(sourceName) else {
                throw failure(.badSetting, "\(profile.location(of: "source_profile")): source_profile \(sourceName) does not exist; \(files.knownProfilesSummary)")
            }
            if visited.contains(sourceName), sourceName != profile.name || !Self.hasStaticKeys(source) {
                throw failure(.sourceProfileCycle, "source_profile cycle: " + (visited + [sourceName]).joined(separator: " -> "))
            }
            return StaticCredentialProvider(try await resolveSource(source, files: files, visited: visited + [sourceName]))
        }
    }

    /// A source profile: its own keys (or helper, SSO, web identity) when it has keys or no role; its role otherwise.
    private func resolveSource(_ source: ProfileSection, files: ProfileFiles, visited: [String]) async throws -> Credentials {
        try Self.refuseBlankSettings(source)
        if Self.hasStaticKeys(source) || !Self.assumesRole(source) {
            guard let credentials = try await profileChain(source, files: files, environmentWebIdentity: false) else {
                throw failure(.badSetting, "source profile \(source.name) has no credentials of its own")
            }
            return credentials
        }
        return try await assumeRole(source, files: files, visited: visited)
    }

    /// botocore's named sources, spelled exactly (the match is case-sensitive there too).
    private func builtInSource(_ kind: String, profile: ProfileSection) throws(CredentialError) -> any CredentialProvider {
        switch kind {
        case "Environment":
            return EnvironmentCredentialProvider(environment: environment)
        case "Ec2InstanceMetadata":
            return InstanceMetadataCredentialProvider(environment: environment, transport: transport, clock: clock)
        case "EcsContainer":
            return ContainerCredentialProvider(environment: environment, transport: transport, clock: clock)
        default:
            throw failure(.badSetting, "\(profile.location(of: "credential_source")): credential_source \(kind) is not one of Environment, Ec2InstanceMetadata, EcsContainer")
        }
    }

    /// Web identity as botocore assembles it: each of token file, role and session name from the environment when
    /// allowed, else from the profile. Nil when no token file is named.
    private func webIdentityProvider(_ profile: ProfileSection, files: ProfileFiles, fromEnvironment: Bool) throws(CredentialError) -> WebIdentityCredentialProvider? {
        let variables = ["web_identity_token_file": "AWS_WEB_IDENTITY_TOKEN_FILE", "role_arn": "AWS_ROLE_ARN", "role_session_name": "AWS_ROLE_SESSION_NAME"]
        func setting(_ key: String) -> String? {
            (fromEnvironment ? environment[variables[key]!] : nil) ?? profile.properties[key]
        }
        guard let tokenFile = AWSConfigLocation.nonEmpty(setting("web_identity_token_file")) else { return nil }
        guard let roleArn = AWSConfigLocation.nonEmpty(setting("role_arn")) else {
            throw failure(.badSetting, "a web identity token file (\(tokenFile)) is configured but no role: set role_arn in profile \(profile.name) or AWS_ROLE_ARN")
        }
        return WebIdentityCredentialProvider(roleArn: roleArn, tokenFile: tokenFile, sessionName: setting("role_session_name"),
                                             region: stsRegion(profile, files: files), transport: transport,
                                             environment: environment, clock: clock)
    }

    /// STS is regional: the environment's region, else the role profile's, else the selected profile's, else
    /// us-east-1 (where botocore would stop with NoRegionError).
    private func stsRegion(_ profile: ProfileSection, files: ProfileFiles) -> String {
        RegionResolver.region(environment: environment, profile: profile)
            ?? files.profile(profileName)?["region"]
            ?? "us-east-1"
    }

    /// The SSO settings botocore requires, from the profile and its `[sso-session]`, which must agree where both set a key.
    private func ssoProvider(_ profile: ProfileSection, files: ProfileFiles) throws(CredentialError) -> SSOCredentialProvider {
        var settings = profile.properties
        let sessionName = profile.properties["sso_session"]
        if let sessionName {
            guard let session = files.ssoSessions[sessionName] else {
                throw failure(.badSetting, "\(profile.location(of: "sso_session")): there is no [sso-session \(sessionName)] section in \(files.configPath)")
            }
            for (key, value) in session.properties {
                if let own = settings[key], own != value {
                    throw failure(.badSetting, "\(key) differs between profile \(profile.name) (\(profile.location(of: key))) and [sso-session \(sessionName)] (\(session.location(of: key)))")
                }
                settings[key] = value
            }
        }
        let required = ["sso_role_name", "sso_account_id", "sso_start_url", "sso_region"]
        let missing = required.filter { settings[$0] == nil }
        guard missing.isEmpty, let roleName = settings["sso_role_name"], let accountId = settings["sso_account_id"],
              let startURL = settings["sso_start_url"], let region = settings["sso_region"] else {
            throw failure(.badSetting, "SSO profile \(profile.name) is missing " + missing.joined(separator: ", "))
        }
        return SSOCredentialProvider(
            profileName: profile.name,
            startURL: startURL,
            region: region,
            accountId: accountId,
            roleName: roleName,
            sessionName: sessionName,
            cacheDirectory: AWSConfigLocation.ssoCacheDirectory(environment: environment),
            environment: environment,
            transport: transport,
            clock: clock
        )
    }

    /// An account or role name makes a profile an SSO one, as in botocore; a start URL alone does not.
    static func isSSO(_ profile: ProfileSection) -> Bool {
        profile.has("sso_account_id") || profile.has("sso_role_name")
    }

    static func mfaMessage(profile: String) -> String {
        "profile \(profile) sets mfa_serial, but ecsdash runs full-screen and cannot prompt for an MFA code. "
            + "Use credential_process instead: point it at a helper that asks for the code once and caches an MFA session "
            + "(for example `credential_process = aws-vault exec \(profile) --json`, or a script around `aws sts get-session-token`)"
    }

    private func failure(_ cause: CredentialError.Cause, _ message: String) -> CredentialError {
        CredentialError.failed(providerName, cause, message)
    }
}
