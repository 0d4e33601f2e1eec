/// Hands out fixed credentials; for tests, the simulator and keys the caller already holds.
public struct StaticCredentialProvider: CredentialProvider {
    let value: Credentials

    public init(_ credentials: Credentials) {
        value = credentials
    }

    public func credentials() async throws -> Credentials { value }
}
