/// One `[section]` of an AWS config or credentials file: its kind, name and `key = value` properties.
public struct ProfileSection: Sendable, Equatable {
    /// What a section header declares; the config file prefixes everything but `[default]`.
    public enum Kind: Sendable, Equatable {
        case profile
        case ssoSession
        case services
        /// A header the AWS CLI ignores, such as `[x]` without `profile ` in the config file.
        case other
    }

    public var kind: Kind
    public var name: String
    /// Keys are lower-cased, as the AWS CLI's parser does; values keep their quotes.
    public var properties: [String: String]
    /// Indented blocks such as `s3 =` followed by `  max_concurrent_requests = 10`.
    public var subProperties: [String: [String: String]]

    public init(kind: Kind, name: String, properties: [String: String] = [:], subProperties: [String: [String: String]] = [:]) {
        self.kind = kind
        self.name = name
        self.properties = properties
        self.subProperties = subProperties
    }

    /// The value for `key`, or nil when it is missing or blank (`key =` means "not set").
    public subscript(key: String) -> String? {
        guard let value = properties[key.lowercased()], !value.isEmpty else { return nil }
        return value
    }

    /// Overlays `other`'s keys onto this section; `other` wins where both set a key.
    func merging(_ other: ProfileSection) -> ProfileSection {
        var merged = self
        merged.properties.merge(other.properties) { _, new in new }
        merged.subProperties.merge(other.subProperties) { old, new in old.merging(new) { _, newer in newer } }
        return merged
    }
}
