import Foundation

/// Credentials from the ECS (or EKS Pod Identity) container endpoint named by
/// `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` or `AWS_CONTAINER_CREDENTIALS_FULL_URI`.
public struct ContainerCredentialProvider: CredentialProvider {
    static let name = "container"
    static let ecsHost = "169.254.170.2"
    /// Plain http is only trusted to addresses that cannot leave the host or task.
    static let httpHosts: Set<String> = ["localhost", "::1", "[::1]", "169.254.170.2", "169.254.170.23", "fd00:ec2::23", "[fd00:ec2::23]"]

    let environment: [String: String]
    let transport: any HTTPTransport
    let clock: any AWSClock
    let timeout: TimeInterval

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        transport: any HTTPTransport,
        clock: any AWSClock = SystemClock(),
        timeout: TimeInterval = 2
    ) {
        self.environment = environment
        self.transport = transport
        self.clock = clock
        self.timeout = timeout
    }

    public func credentials() async throws -> Credentials {
        let request = try makeRequest()
        let source = "the container credentials endpoint \(request.endpoint.hostHeader)\(request.path)"
        let response: HTTPResponse
        do {
            response = try await transport.send(request, timeout: timeout, clock: clock)
        } catch let error as TransportError {
            throw CredentialError.failed(Self.name, "\(source) did not answer: \(error)")
        }
        guard response.isSuccess else {
            throw CredentialError.failed(Self.name, "\(source) answered HTTP \(response.status)")
        }
        let document = try CredentialDocument.decode(response.body, provider: Self.name, source: source)
        return try document.credentials(provider: Self.name, source: source)
    }

    func makeRequest() throws(CredentialError) -> HTTPRequest {
        if let relative = AWSConfigLocation.nonEmpty(environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"]) {
            let (path, query) = Self.splitQuery(relative)
            let wirePath = path.hasPrefix("/") ? path : "/" + path
            return HTTPRequest(method: "GET", endpoint: Endpoint(scheme: "http", host: Self.ecsHost), path: wirePath, query: query)
        }
        guard let full = AWSConfigLocation.nonEmpty(environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"]) else {
            throw CredentialError.notFound(Self.name, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are not set")
        }
        let (base, query) = Self.splitQuery(full)
        guard let parsed = Endpoint(url: base) else {
            throw CredentialError.failed(Self.name, "AWS_CONTAINER_CREDENTIALS_FULL_URI is not an http(s) URL: \(full)")
        }
        guard parsed.scheme == "https" || Self.isTrustedHTTPHost(parsed.host) else {
            throw CredentialError.failed(Self.name, "AWS_CONTAINER_CREDENTIALS_FULL_URI uses plain http to \(parsed.host); only loopback and the ECS/EKS link-local addresses may use http")
        }
        let endpoint = Endpoint(scheme: parsed.scheme, host: parsed.host, port: parsed.port)
        var request = HTTPRequest(method: "GET", endpoint: endpoint, path: parsed.basePath.isEmpty ? "/" : parsed.basePath, query: query)
        if let token = try authorizationToken() {
            request.headers.set("Authorization", token)
        }
        return request
    }

    /// The token file wins over the literal token, as in botocore, because EKS rotates the file.
    func authorizationToken() throws(CredentialError) -> String? {
        var token: String?
        if let path = AWSConfigLocation.nonEmpty(environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"]) {
            do {
                token = try UserFile.read(path).trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                throw CredentialError.failed(Self.name, "cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(error)")
            }
        } else {
            token = AWSConfigLocation.nonEmpty(environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"])
        }
        guard let token else { return nil }
        // A newline would let the value smuggle extra headers into the request.
        guard !token.contains(where: \.isNewline) else {
            throw CredentialError.failed(Self.name, "the container authorization token contains a line break")
        }
        return token
    }

    static func isTrustedHTTPHost(_ host: String) -> Bool {
        httpHosts.contains(host.lowercased()) || host.hasPrefix("127.")
    }

    /// Splits `path?a=b&c` into the wire path and decoded query items.
    static func splitQuery(_ text: String) -> (String, [QueryItem]) {
        guard let mark = text.firstIndex(of: "?") else { return (text, []) }
        let items = text[text.index(after: mark)...].split(separator: "&").map { pair -> QueryItem in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return QueryItem(URIEncoding.decode(String(parts[0])), parts.count > 1 ? URIEncoding.decode(String(parts[1])) : "")
        }
        return (String(text[..<mark]), items)
    }
}
