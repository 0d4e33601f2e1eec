import Foundation

/// The shared AWS config and credentials files merged: profiles, `[sso-session]` and `[services]` sections.
public struct ProfileFiles: Sendable, Equatable {
    /// Profiles by name; where both files set a key, the credentials file wins, as in the AWS CLI.
    public var profiles: [String: ProfileSection]
    public var ssoSessions: [String: ProfileSection]
    public var services: [String: ProfileSection]
    /// Where the files were read from, for messages; names only when parsed from strings.
    public var configPath: String
    public var credentialsPath: String

    /// Parses both files from text; tests and callers that already hold the text use this.
    public init(config: String = "", credentials: String = "", configPath: String = "config", credentialsPath: String = "credentials") throws(ProfileFileError) {
        let configSections = try ProfileFileParser(kind: .config, fileName: configPath).parse(config)
        let credentialSections = try ProfileFileParser(kind: .credentials, fileName: credentialsPath).parse(credentials)
        profiles = Self.merge(configSections.filter { $0.kind == .profile } + credentialSections)
        ssoSessions = Self.merge(configSections.filter { $0.kind == .ssoSession })
        services = Self.merge(configSections.filter { $0.kind == .services })
        self.configPath = configPath
        self.credentialsPath = credentialsPath
    }

    /// Reads the files named by `AWS_CONFIG_FILE` and `AWS_SHARED_CREDENTIALS_FILE` (defaults under
    /// `~/.aws`); a file that does not exist, or is not a regular file, counts as empty.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ProfileFileError) -> ProfileFiles {
        let configPath = AWSConfigLocation.configFile(environment: environment)
        let credentialsPath = AWSConfigLocation.credentialsFile(environment: environment)
        return try ProfileFiles(
            config: read(configPath),
            credentials: read(credentialsPath),
            configPath: configPath,
            credentialsPath: credentialsPath
        )
    }

    public func profile(_ name: String) -> ProfileSection? { profiles[name] }

    /// The profile the AWS CLI would use: the explicit one (`--profile`), else `AWS_PROFILE`
    /// (or the legacy `AWS_DEFAULT_PROFILE`), else `default`.
    public static func selectedProfileName(explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        AWSConfigLocation.nonEmpty(explicit)
            ?? AWSConfigLocation.nonEmpty(environment["AWS_PROFILE"])
            ?? AWSConfigLocation.nonEmpty(environment["AWS_DEFAULT_PROFILE"])
            ?? "default"
    }

    /// Every profile name, sorted, for messages and profile pickers.
    public var profileNames: [String] { profiles.keys.sorted() }

    /// "known profiles: a, b" or "no profiles are defined in <files>", for not-found messages.
    var knownProfilesSummary: String {
        profileNames.isEmpty
            ? "no profiles are defined in \(configPath) or \(credentialsPath)"
            : "known profiles: " + profileNames.joined(separator: ", ")
    }

    /// Folds sections of the same name together in order, later sections winning per key.
    private static func merge(_ sections: [ProfileSection]) -> [String: ProfileSection] {
        var merged: [String: ProfileSection] = [:]
        for section in sections {
            merged[section.name] = merged[section.name].map { $0.merging(section) } ?? section
        }
        return merged
    }

    /// A missing file, and anything that is not a regular file (`/dev/null`, a directory, a pipe), reads as empty,
    /// as the AWS CLI reads them: `AWS_CONFIG_FILE=/dev/null` is how people switch a file off.
    private static func read(_ path: String) throws(ProfileFileError) -> String {
        do {
            return try UserFile.read(path, specialFiles: .empty)
        } catch where error.problem == .missing {
            return ""
        } catch {
            throw ProfileFileError(file: path, line: error.line ?? 0, message: error.line == nil ? "cannot be read: \(error.reason)" : error.reason)
        }
    }
}
