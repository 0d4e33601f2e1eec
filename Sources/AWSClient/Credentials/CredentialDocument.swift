import Foundation

/// The JSON credential document that ECS containers, EC2 instance metadata and `credential_process`
/// helpers return; they differ only in the session token's key and in a few extra fields.
struct CredentialDocument: Decodable {
    var version: Int?
    var code: String?
    var message: String?
    var accessKeyId: String?
    var secretAccessKey: String?
    var token: String?
    var sessionToken: String?
    var expiration: String?

    enum CodingKeys: String, CodingKey {
        case version = "Version"
        case code = "Code"
        case message = "Message"
        case accessKeyId = "AccessKeyId"
        case secretAccessKey = "SecretAccessKey"
        case token = "Token"
        case sessionToken = "SessionToken"
        case expiration = "Expiration"
    }

    /// Decodes `data`; the error never repeats the body, which may hold a secret.
    static func decode(_ data: Data, provider: String, source: String) throws(CredentialError) -> CredentialDocument {
        do {
            return try JSONDecoder().decode(CredentialDocument.self, from: data)
        } catch {
            throw CredentialError.failed(provider, "\(source) did not return a JSON credential document")
        }
    }

    /// The credentials, or a failure naming what is missing.
    func credentials(provider: String, source: String) throws(CredentialError) -> Credentials {
        guard let accessKeyId = nonEmpty(accessKeyId), let secretAccessKey = nonEmpty(secretAccessKey) else {
            throw CredentialError.failed(provider, "\(source) returned no AccessKeyId/SecretAccessKey")
        }
        var expiry: Date?
        if let text = nonEmpty(expiration) {
            guard let date = ISO8601Timestamp.parse(text) else {
                // Not quoted: a reply broken or shuffled enough to miss its timestamp may have put anything there.
                throw CredentialError.failed(provider, "\(source) returned an Expiration that is not an ISO-8601 time (\(text.count) characters)")
            }
            expiry = date
        }
        return Credentials(
            accessKeyId: accessKeyId,
            secretAccessKey: secretAccessKey,
            sessionToken: nonEmpty(sessionToken) ?? nonEmpty(token),
            expiration: expiry
        )
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
