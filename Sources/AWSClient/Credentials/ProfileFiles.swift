import Foundation

/// The shared AWS config and credentials files as botocore reads them: profiles, `[sso-session]` and `[services]` sections.
public struct ProfileFiles: Sendable, Equatable {
    /// Profiles by name, both files laid together; where both set a key, the credentials file wins, as in the AWS CLI.
    public var profiles: [String: ProfileSection]
    /// Each file's own profiles: botocore looks for static keys in each file separately, so a key id in one
    /// and its secret in the other is an incomplete pair, not a merged one.
    public var configProfiles: [String: ProfileSection]
    public var credentialsProfiles: [String: ProfileSection]
    public var ssoSessions: [String: ProfileSection]
    public var services: [String: ProfileSection]
    /// Where the files were read from, for messages; names only when parsed from strings.
    public var configPath: String
    public var credentialsPath: String

    /// Parses both files from text; tests and callers that already hold the text use this.
    public init(config: String = "", credentials: String = "", configPath: String = "config", credentialsPath: String = "credentials") throws(ProfileFileError) {
        let configSections = try ProfileFileParser(fileName: configPath).parse(config)
        let credentialSections = try ProfileFileParser(fileName: credentialsPath).parse(credentials)
        let classified = try configSections.map { section throws(ProfileFileError) in try Self.classify(section, file: configPath) }
        configProfiles = try Self.index(classified.filter { $0.section.kind == .profile }, file: configPath)
        ssoSessions = try Self.index(classified.filter { $0.section.kind == .ssoSession }, file: configPath)
        services = try Self.index(classified.filter { $0.section.kind == .services }, file: configPath)
        // The credentials file has no prefixes: every header is a profile name exactly as written.
        credentialsProfiles = Dictionary(uniqueKeysWithValues: credentialSections.map {
            ($0.header, Self.section($0, kind: .profile, name: $0.header, file: credentialsPath))
        })
        profiles = configProfiles.merging(credentialsProfiles) { config, credentials in config.merging(credentials) }
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

    /// The profile the AWS CLI would use: see `ProfileSelection`.
    public static func selectedProfileName(explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        ProfileSelection(explicit: explicit, environment: environment).name
    }

    /// Every profile name, sorted, for messages and profile pickers.
    public var profileNames: [String] { profiles.keys.sorted() }

    /// "known profiles: a, b" or "no profiles are defined in <files>", for not-found messages.
    var knownProfilesSummary: String {
        profileNames.isEmpty
            ? "no profiles are defined in \(configPath) or \(credentialsPath)"
            : "known profiles: " + profileNames.map { $0.contains(where: \.isWhitespace) || $0.isEmpty ? "\"\($0)\"" : $0 }.joined(separator: ", ")
    }

    /// What a config file header declares, by botocore's rules: `default`; or a word starting `profile`,
    /// `sso-session` or `services` followed by one name, split as shell words (`[profile "my prof"]`); anything
    /// else is ignored, `[profile my prof]` and `[ profile x ]` included.
    static func classify(_ raw: ProfileFileParser.RawSection, file: String) throws(ProfileFileError) -> (section: ProfileSection, line: Int) {
        if raw.header == "default" { return (section(raw, kind: .profile, name: "default", file: file), raw.line) }
        let prefixes: [(String, ProfileSection.Kind)] = [("profile", .profile), ("sso-session", .ssoSession), ("services", .services)]
        guard let (prefix, kind) = prefixes.first(where: { raw.header.hasPrefix($0.0) }) else {
            return (section(raw, kind: .other, name: raw.header, file: file), raw.line)
        }
        guard let words = try? ShellWords.split(raw.header), words.count == 2 else {
            return (section(raw, kind: .other, name: raw.header, file: file), raw.line)
        }
        guard words[0] == prefix else {
            // botocore only checks that the header starts with the prefix, so it reads [profilefoo bar] as profile bar.
            throw ProfileFileError(file: file, line: raw.line, message: "[\(raw.header)] is not a valid header: botocore would read it as \(prefix) \(words[1]); write [\(prefix) \(words[1])]")
        }
        return (section(raw, kind: kind, name: words[1], file: file), raw.line)
    }

    static func section(_ raw: ProfileFileParser.RawSection, kind: ProfileSection.Kind, name: String, file: String) -> ProfileSection {
        ProfileSection(kind: kind, name: name, properties: raw.properties, subProperties: raw.subProperties,
                       origins: raw.lines.mapValues { ProfileSection.Origin(file: file, line: $0) })
    }

    /// Sections by name. Two headers naming one profile (`[default]` and `[profile default]`, or `[profile a]` and
    /// `[profile "a"]`) are refused: botocore keeps the later one whole and silently drops the other.
    private static func index(_ sections: [(section: ProfileSection, line: Int)], file: String) throws(ProfileFileError) -> [String: ProfileSection] {
        var byName: [String: (section: ProfileSection, line: Int)] = [:]
        for entry in sections {
            if let first = byName[entry.section.name] {
                throw ProfileFileError(file: file, line: entry.line, message: "this header names \(entry.section.name) again (first on line \(first.line)); the AWS CLI would silently use only the later section. Keep one")
            }
            byName[entry.section.name] = entry
        }
        return byName.mapValues(\.section)
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
