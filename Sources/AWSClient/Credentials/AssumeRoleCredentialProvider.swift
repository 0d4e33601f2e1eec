import Foundation

/// Temporary credentials for an IAM role, obtained with STS AssumeRole using a source provider's keys.
public struct AssumeRoleCredentialProvider: CredentialProvider {
    static let name = "assume-role"

    let roleArn: String
    let source: any CredentialProvider
    let region: String
    let sessionName: String?
    let externalId: String?
    let durationSeconds: Int?
    let transport: any HTTPTransport
    let environment: [String: String]
    let endpointOverride: String?
    let clock: any AWSClock

    /// - Parameters:
    ///   - sessionName: defaults to `ecsdash-<epoch seconds>`, which CloudTrail then shows (botocore's default is
    ///     `botocore-session-<epoch seconds>`; ours says which tool made the call).
    ///   - environment: handed to the STS client (endpoint overrides such as `AWS_ENDPOINT_URL_STS`).
    public init(
        roleArn: String,
        source: any CredentialProvider,
        region: String,
        sessionName: String? = nil,
        externalId: String? = nil,
        durationSeconds: Int? = nil,
        transport: any HTTPTransport,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        endpointOverride: String? = nil,
        clock: any AWSClock = SystemClock()
    ) {
        self.roleArn = roleArn
        self.source = source
        self.region = region
        self.sessionName = sessionName
        self.externalId = externalId
        self.durationSeconds = durationSeconds
        self.transport = transport
        self.environment = environment
        self.endpointOverride = endpointOverride
        self.clock = clock
    }

    public func credentials() async throws -> Credentials {
        let context = AWSClientContext(region: region, credentials: source, transport: transport,
                                       endpointOverride: endpointOverride, environment: environment, clock: clock)
        let request = AssumeRoleRequest(
            roleArn: roleArn,
            sessionName: sessionName ?? Self.defaultSessionName(now: clock.now()),
            externalId: externalId,
            durationSeconds: durationSeconds
        )
        do {
            return try await STSClient(context: context).assumeRole(request).credentials
        } catch let error as CredentialError {
            var failure = CredentialError.failed(Self.name, error.cause, "could not get source credentials to assume \(roleArn): \(error)")
            failure.underlyingAWSError = error.underlyingAWSError
            throw failure
        } catch let error as AWSError {
            var failure = CredentialError(.failed, provider: Self.name, "could not assume \(roleArn): \(error)", underlyingAWSError: error)
            failure.cause = .refusedByAWS
            throw failure
        } catch let error as TransportError {
            throw CredentialError.failed(Self.name, "could not reach STS to assume \(roleArn): \(error)")
        }
    }

    static func defaultSessionName(now: Date) -> String {
        "ecsdash-\(Int(now.timeIntervalSince1970))"
    }
}
