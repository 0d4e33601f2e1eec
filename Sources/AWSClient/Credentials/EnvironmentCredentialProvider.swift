import Foundation

/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`
/// (or the legacy `AWS_SECURITY_TOKEN`).
public struct EnvironmentCredentialProvider: CredentialProvider {
    static let name = "environment"

    let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public func credentials() async throws -> Credentials {
        try Self.credentials(from: environment)
    }

    static func credentials(from environment: [String: String]) throws(CredentialError) -> Credentials {
        let accessKeyId = AWSConfigLocation.nonEmpty(environment["AWS_ACCESS_KEY_ID"])
        let secretAccessKey = AWSConfigLocation.nonEmpty(environment["AWS_SECRET_ACCESS_KEY"])
        switch (accessKeyId, secretAccessKey) {
        case (nil, nil):
            throw CredentialError.notFound(name, "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set")
        case (nil, _):
            throw CredentialError.failed(name, .partialKeys, "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
        case (_, nil):
            throw CredentialError.failed(name, .partialKeys, "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
        case let (accessKeyId?, secretAccessKey?):
            let token = AWSConfigLocation.nonEmpty(environment["AWS_SESSION_TOKEN"])
                ?? AWSConfigLocation.nonEmpty(environment["AWS_SECURITY_TOKEN"])
            return Credentials(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, sessionToken: token)
        }
    }
}
