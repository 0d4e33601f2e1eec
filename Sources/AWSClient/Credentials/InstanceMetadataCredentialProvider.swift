import Foundation

/// Credentials for the IAM role attached to an EC2 instance, fetched from the instance metadata
/// service with an IMDSv2 session token.
public struct InstanceMetadataCredentialProvider: CredentialProvider {
    static let name = "instance-metadata"
    static let tokenTTLHeader = "x-aws-ec2-metadata-token-ttl-seconds"
    static let tokenHeader = "x-aws-ec2-metadata-token"
    static let credentialsPath = "/latest/meta-data/iam/security-credentials/"

    let environment: [String: String]
    let transport: any HTTPTransport
    let clock: any AWSClock
    let timeout: TimeInterval

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        transport: any HTTPTransport,
        clock: any AWSClock = SystemClock(),
        timeout: TimeInterval = 1
    ) {
        self.environment = environment
        self.transport = transport
        self.clock = clock
        self.timeout = timeout
    }

    public func credentials() async throws -> Credentials {
        if environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true" {
            throw CredentialError.notFound(Self.name, "disabled by AWS_EC2_METADATA_DISABLED")
        }
        let endpoint = try metadataEndpoint()
        let token = try await sessionToken(endpoint)
        let roleList = try await get(Self.credentialsPath, endpoint: endpoint, token: token)
        guard let role = Self.firstLine(roleList) else {
            throw CredentialError.notFound(Self.name, "this instance has no IAM role attached")
        }
        // The role's name goes into the next path and into every message below, so a list that is not one (a
        // proxy's page, a credential document where the list should be) is neither requested nor quoted.
        guard Self.isRoleName(role) else {
            throw CredentialError.failed(Self.name, "instance metadata \(Self.credentialsPath) did not answer with a role name (\(roleList.count) bytes)")
        }
        let body = try await get(Self.credentialsPath + role, endpoint: endpoint, token: token)
        let source = "instance metadata for role \(role)"
        let document = try CredentialDocument.decode(body, provider: Self.name, source: source)
        if let code = document.code, code != "Success" {
            // Code and message say why (an instance profile being replaced, say). They come from the reply, so they
            // are capped, after scrubbing: a cut could leave a token too short to recognise.
            let (code, message) = (SecretScrubber.scrub(code).prefix(64), SecretScrubber.scrub(document.message ?? "").prefix(300))
            throw CredentialError.failed(Self.name, "\(source) reported \(code): \(message)")
        }
        return try document.credentials(provider: Self.name, source: source)
    }

    func metadataEndpoint() throws(CredentialError) -> Endpoint {
        guard let override = AWSConfigLocation.nonEmpty(environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"]) else {
            return Endpoint(scheme: "http", host: "169.254.169.254")
        }
        guard let endpoint = Endpoint(url: override) else {
            throw CredentialError.failed(Self.name, "AWS_EC2_METADATA_SERVICE_ENDPOINT is not an http(s) URL: \(override)")
        }
        return endpoint
    }

    /// The IMDSv2 session token; nil when the service only speaks IMDSv1 (403/404/405 to the PUT),
    /// which botocore also tolerates. No answer at all means we are not on EC2.
    func sessionToken(_ endpoint: Endpoint) async throws -> String? {
        var request = HTTPRequest(method: "PUT", endpoint: endpoint, path: "/latest/api/token")
        request.headers.set(Self.tokenTTLHeader, "21600")
        let response: HTTPResponse
        do {
            response = try await transport.send(request, timeout: timeout, clock: clock)
        } catch let error as TransportError {
            throw CredentialError.notFound(Self.name, "no instance metadata service at \(endpoint.hostHeader) (\(error.kind.rawValue))")
        }
        if [403, 404, 405].contains(response.status) { return nil }
        guard response.isSuccess, let token = Self.firstLine(response.body) else {
            throw CredentialError.failed(Self.name, "the metadata token request answered HTTP \(response.status)")
        }
        return token
    }

    func get(_ path: String, endpoint: Endpoint, token: String?) async throws -> Data {
        var request = HTTPRequest(method: "GET", endpoint: endpoint, path: path)
        if let token { request.headers.set(Self.tokenHeader, token) }
        let response: HTTPResponse
        do {
            response = try await transport.send(request, timeout: timeout, clock: clock)
        } catch let error as TransportError {
            throw CredentialError.failed(Self.name, "instance metadata \(path) did not answer: \(error)")
        }
        if response.status == 404 {
            throw CredentialError.notFound(Self.name, "this instance has no IAM role attached")
        }
        guard response.isSuccess else {
            throw CredentialError.failed(Self.name, "instance metadata \(path) answered HTTP \(response.status)")
        }
        return response.body
    }

    /// IAM's rule for role names: 1 to 64 of letters, digits and `+=,.@_-`.
    static func isRoleName(_ text: String) -> Bool {
        (1...64).contains(text.count) && text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "+=,.@_-".unicodeScalars.contains($0)) }
    }

    static func firstLine(_ data: Data) -> String? {
        let line = String(decoding: data, as: UTF8.self)
            .split(whereSeparator: \.isNewline).first?
            .trimmingCharacters(in: .whitespaces)
        guard let line, !line.isEmpty else { return nil }
        return line
    }
}
