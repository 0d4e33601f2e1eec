/// Something that can produce AWS credentials, such as environment variables, a profile or a role.
public protocol CredentialProvider: Sendable {
    /// Returns credentials, or throws `CredentialError` saying why none could be found.
    func credentials() async throws -> Credentials
}

/// A provider that keeps credentials and can be told to forget them, so a call AWS refused because its token
/// expired is retried once with fresh ones, as the AWS SDKs do.
public protocol RefreshableCredentialProvider: CredentialProvider {
    func invalidate() async
}
