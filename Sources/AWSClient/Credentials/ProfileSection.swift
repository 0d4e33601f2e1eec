/// One profile, `[sso-session]` or `[services]` section of the AWS config or credentials files, with where each key was written.
public struct ProfileSection: Sendable, Equatable {
    /// What a section header declares; the config file prefixes everything but `[default]`.
    public enum Kind: Sendable, Equatable {
        case profile
        case ssoSession
        case services
        /// A header the AWS CLI ignores, such as `[x]` without `profile ` in the config file.
        case other
    }

    /// The file and line a key came from, so a refusal can point at it without quoting the value.
    public struct Origin: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int

        public init(file: String, line: Int) {
            self.file = file
            self.line = line
        }

        public var description: String { "\(file), line \(line)" }
    }

    public var kind: Kind
    public var name: String
    /// Keys are lower-cased, as the AWS CLI's parser does; values are kept as written (quotes and `# …` included).
    public var properties: [String: String]
    /// Indented blocks such as `s3 =` followed by `  max_concurrent_requests = 10`.
    public var subProperties: [String: [String: String]]
    public var origins: [String: Origin]

    public init(kind: Kind, name: String, properties: [String: String] = [:], subProperties: [String: [String: String]] = [:],
                origins: [String: Origin] = [:]) {
        self.kind = kind
        self.name = name
        self.properties = properties
        self.subProperties = subProperties
        self.origins = origins
    }

    /// The value for `key`, or nil when it is missing or blank (`key =` means "not set").
    public subscript(key: String) -> String? {
        guard let value = properties[key.lowercased()], !value.isEmpty else { return nil }
        return value
    }

    /// Whether `key` is written at all, blank or not: botocore decides which source to use by presence alone.
    public func has(_ key: String) -> Bool {
        properties[key.lowercased()] != nil
    }

    /// "config, line 3" for a key, or the section's name when the key's place is unknown (sections built in code).
    func location(of key: String) -> String {
        origins[key].map(\.description) ?? "profile \(name)"
    }

    /// Overlays `other`'s keys onto this section, `other` winning per key; a block under a key is replaced whole,
    /// as botocore's `dict.update` does when it lays the credentials file over the config file.
    func merging(_ other: ProfileSection) -> ProfileSection {
        var merged = self
        for (key, value) in other.properties {
            merged.properties[key] = value
            merged.subProperties[key] = other.subProperties[key]
            merged.origins[key] = other.origins[key]
        }
        return merged
    }
}
