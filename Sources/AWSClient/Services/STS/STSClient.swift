import Foundation

/// AWS Security Token Service over the query protocol: who am I, and become a role in another account.
public struct STSClient: Sendable {
    public let client: AWSServiceClient

    public init(context: AWSClientContext) {
        client = AWSServiceClient(service: .sts, context: context)
    }

    public func getCallerIdentity() async throws -> CallerIdentity {
        let reply = try await client.query("GetCallerIdentity")
        guard let result = reply["GetCallerIdentityResult"], let arn = result.child("Arn")?.text,
              let account = result.child("Account")?.text else {
            throw malformed("GetCallerIdentity", reply)
        }
        return CallerIdentity(arn: arn, account: account, userId: result.child("UserId")?.text ?? "")
    }

    public func assumeRole(_ request: AssumeRoleRequest) async throws -> AssumeRoleResult {
        var parameters = [QueryItem("RoleArn", request.roleArn), QueryItem("RoleSessionName", request.sessionName)]
        if let externalId = request.externalId { parameters.append(QueryItem("ExternalId", externalId)) }
        if let duration = request.durationSeconds { parameters.append(QueryItem("DurationSeconds", String(duration))) }
        return try assumedRole("AssumeRole", try await client.query("AssumeRole", parameters))
    }

    /// Becomes a role with an OpenID Connect token (EKS service accounts, CI runners); the call is not signed,
    /// since the token is the proof.
    public func assumeRoleWithWebIdentity(_ request: AssumeRoleWithWebIdentityRequest) async throws -> AssumeRoleResult {
        var parameters = [QueryItem("RoleArn", request.roleArn), QueryItem("RoleSessionName", request.sessionName),
                          QueryItem("WebIdentityToken", request.token)]
        if let duration = request.durationSeconds { parameters.append(QueryItem("DurationSeconds", String(duration))) }
        return try assumedRole("AssumeRoleWithWebIdentity", try await client.query("AssumeRoleWithWebIdentity", parameters, signed: false))
    }

    /// The keys and role of an `<ActionResult>` that both AssumeRole calls answer with.
    private func assumedRole(_ operation: String, _ reply: XMLNode) throws -> AssumeRoleResult {
        guard let result = reply[operation + "Result"], let keys = result.child("Credentials"),
              let accessKeyId = keys.child("AccessKeyId")?.text, let secret = keys.child("SecretAccessKey")?.text else {
            throw malformed(operation, reply)
        }
        let credentials = Credentials(
            accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: keys.child("SessionToken")?.text,
            expiration: keys.child("Expiration").flatMap { AWSJSON.parseTimestamp($0.text) }
        )
        return AssumeRoleResult(credentials: credentials, assumedRoleArn: result["AssumedRoleUser", "Arn"]?.text)
    }

    private func malformed(_ operation: String, _ reply: XMLNode) -> AWSError {
        AWSError(service: "STS", operation: operation, status: 200, code: "DeserializationError",
                 message: "unexpected reply shape (root element \(reply.name))")
    }
}

/// The answer to sts:GetCallerIdentity.
public struct CallerIdentity: Sendable, Equatable, Codable {
    public var arn: String
    public var account: String
    public var userId: String

    public init(arn: String, account: String, userId: String) {
        self.arn = arn
        self.account = account
        self.userId = userId
    }
}

/// The inputs of sts:AssumeRoleWithWebIdentity.
public struct AssumeRoleWithWebIdentityRequest: Sendable, Equatable {
    public var roleArn: String
    public var sessionName: String
    public var token: String
    public var durationSeconds: Int?

    public init(roleArn: String, sessionName: String, token: String, durationSeconds: Int? = nil) {
        self.roleArn = roleArn
        self.sessionName = sessionName
        self.token = token
        self.durationSeconds = durationSeconds
    }
}

/// The inputs of sts:AssumeRole.
public struct AssumeRoleRequest: Sendable, Equatable {
    public var roleArn: String
    public var sessionName: String
    public var externalId: String?
    public var durationSeconds: Int?

    public init(roleArn: String, sessionName: String, externalId: String? = nil, durationSeconds: Int? = nil) {
        self.roleArn = roleArn
        self.sessionName = sessionName
        self.externalId = externalId
        self.durationSeconds = durationSeconds
    }
}

/// Temporary credentials for the role, and the assumed-role ARN STS reports.
public struct AssumeRoleResult: Sendable {
    public var credentials: Credentials
    public var assumedRoleArn: String?
}
