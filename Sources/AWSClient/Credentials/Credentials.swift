import Foundation

/// AWS access keys, optionally temporary; printing one never shows the secret, the token or the whole key id.
public struct Credentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String?
    /// When temporary credentials stop working; nil for long-lived keys.
    public var expiration: Date?

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    /// True when the credentials expire within `margin` seconds of `now`.
    public func expires(within margin: TimeInterval, of now: Date) -> Bool {
        guard let expiration else { return false }
        return expiration.timeIntervalSince(now) <= margin
    }

    public var description: String {
        let token = sessionToken == nil ? "none" : "<redacted>"
        let expiry = expiration.map { ISO8601DateFormatter().string(from: $0) } ?? "never"
        return "Credentials(accessKeyId: \(Self.abbreviated(accessKeyId)), secretAccessKey: <redacted>, sessionToken: \(token), expiration: \(expiry))"
    }

    /// `ASIA…WXYZ`: the key's kind (AKIA long-term, ASIA temporary) and its last four characters, as the AWS CLI's
    /// `configure list` shows them, enough to tell two keys apart without handing one out.
    static func abbreviated(_ accessKeyId: String) -> String {
        guard accessKeyId.count > 8 else { return "<redacted>" }
        return accessKeyId.prefix(4) + "…" + accessKeyId.suffix(4)
    }

    public var debugDescription: String { description }
}
