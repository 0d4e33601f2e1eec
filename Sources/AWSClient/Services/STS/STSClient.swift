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
        let reply = try await client.query("AssumeRole", parameters)
        guard let result = reply["AssumeRoleResult"], let keys = result.child("Credentials"),
              let accessKeyId = keys.child("AccessKeyId")?.text, let secret = keys.child("SecretAccessKey")?.text else {
            throw malformed("AssumeRole", reply)
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
