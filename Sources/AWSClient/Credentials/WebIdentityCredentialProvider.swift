import Foundation

/// Temporary credentials for an IAM role, obtained with STS AssumeRoleWithWebIdentity and an OpenID Connect
/// token read from a file: how EKS service accounts and many CI runners hand out AWS access
/// (`AWS_WEB_IDENTITY_TOKEN_FILE` with `AWS_ROLE_ARN`, or `web_identity_token_file` with `role_arn` in a profile).
///
/// The file is read on every call, since those tokens are rotated in place; a `CachingCredentialProvider` in front
/// asks again only as the credentials near their expiry.
public struct WebIdentityCredentialProvider: CredentialProvider {
    static let name = "web-identity"

    let roleArn: String
    let tokenFile: String
    let sessionName: String?
    let region: String
    let transport: any HTTPTransport
    let environment: [String: String]
    let clock: any AWSClock

    public init(roleArn: String, tokenFile: String, sessionName: String? = nil, region: String, transport: any HTTPTransport,
                environment: [String: String] = ProcessInfo.processInfo.environment, clock: any AWSClock = SystemClock()) {
        self.roleArn = roleArn
        self.tokenFile = tokenFile
        self.sessionName = sessionName
        self.region = region
        self.transport = transport
        self.environment = environment
        self.clock = clock
    }

    /// The provider the environment asks for, or nil when `AWS_WEB_IDENTITY_TOKEN_FILE` and `AWS_ROLE_ARN` are not
    /// both set. STS is asked in `AWS_REGION` (or `AWS_DEFAULT_REGION`), else in us-east-1, as the AWS CLI does.
    public static func fromEnvironment(_ environment: [String: String], transport: any HTTPTransport,
                                       clock: any AWSClock = SystemClock()) -> WebIdentityCredentialProvider? {
        guard let tokenFile = AWSConfigLocation.nonEmpty(environment["AWS_WEB_IDENTITY_TOKEN_FILE"]),
              let roleArn = AWSConfigLocation.nonEmpty(environment["AWS_ROLE_ARN"]) else { return nil }
        let region = AWSConfigLocation.nonEmpty(environment["AWS_REGION"]) ?? AWSConfigLocation.nonEmpty(environment["AWS_DEFAULT_REGION"]) ?? "us-east-1"
        return WebIdentityCredentialProvider(roleArn: roleArn, tokenFile: tokenFile, sessionName: AWSConfigLocation.nonEmpty(environment["AWS_ROLE_SESSION_NAME"]),
                                             region: region, transport: transport, environment: environment, clock: clock)
    }

    public func credentials() async throws -> Credentials {
        let token: String
        do {
            token = try UserFile.read(tokenFile).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw CredentialError.failed(Self.name, error.problem == .missing ? .missingFile : .sourceFailed, "cannot read the web identity token file \(error)")
        }
        guard !token.isEmpty else { throw CredentialError.failed(Self.name, .sourceFailed, "the web identity token file \(tokenFile) is empty") }
        // No credentials sign this call; the context still needs a provider, which is never asked.
        let context = AWSClientContext(region: region, credentials: StaticCredentialProvider(Credentials(accessKeyId: "", secretAccessKey: "")),
                                       transport: transport, environment: environment, clock: clock)
        let request = AssumeRoleWithWebIdentityRequest(roleArn: roleArn, sessionName: sessionName ?? AssumeRoleCredentialProvider.defaultSessionName(now: clock.now()),
                                                       token: token)
        do {
            return try await STSClient(context: context).assumeRoleWithWebIdentity(request).credentials
        } catch let error as AWSError {
            var failure = CredentialError(.failed, provider: Self.name, "could not assume \(roleArn) with the token in \(tokenFile): \(error)", underlyingAWSError: error)
            failure.cause = .refusedByAWS
            throw failure
        } catch let error as TransportError {
            throw CredentialError.failed(Self.name, "could not reach STS to assume \(roleArn): \(error)")
        }
    }
}
