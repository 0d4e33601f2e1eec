/// Something that can produce AWS credentials, such as environment variables, a profile or a role.
public protocol CredentialProvider: Sendable {
    /// Returns credentials, or throws `CredentialError` saying why none could be found.
    func credentials() async throws -> Credentials
}
