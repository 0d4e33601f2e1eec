import Foundation

/// Sends operations to one AWS service: builds the request for its wire protocol, waits for the account's
/// rate limiter, signs each attempt afresh, retries what is worth retrying, and decodes errors.
public struct AWSServiceClient: Sendable {
    public let service: AWSServiceDescriptor
    public let context: AWSClientContext

    public init(service: AWSServiceDescriptor, context: AWSClientContext) {
        self.service = service
        self.context = context
    }

    /// Calls a JSON-protocol operation with an `Encodable` input and decodes the reply. A `reusable` reply is
    /// one a poller asks for on every refresh: with the context's reply cache, unchanged bytes are not decoded again.
    public func json<Output: Decodable & Sendable>(_ operation: String, _ input: some Encodable, as output: Output.Type = Output.self,
                                                   reusable: Bool = false) async throws -> Output {
        let data = try await jsonReply(operation, input)
        return try decodeReply(operation) {
            guard reusable, let cache = context.replyCache else { return try AWSJSON.decode(Output.self, from: data, unit: service.timestampUnit) }
            return try cache.decoded(Output.self, from: data, unit: service.timestampUnit)
        }
    }

    /// Calls a JSON-protocol operation whose reply is mostly one array (`tasks`, `services`) and, given a
    /// `cache`, takes the elements whose bytes are unchanged since an earlier reply from it instead of decoding
    /// them again; without one, decodes the reply as `json` does.
    func json<Output: Decodable & Sendable, Element>(_ operation: String, _ input: some Encodable, array key: String,
                                          at path: WritableKeyPath<Output, [Element]?>,
                                          reusing cache: DecodedElementCache<Element>?) async throws -> Output {
        let data = try await jsonReply(operation, input)
        return try decodeReply(operation) {
            guard let cache else { return try AWSJSON.decode(Output.self, from: data, unit: service.timestampUnit) }
            return try cache.decode(Output.self, from: data, array: key, at: path, unit: service.timestampUnit, remainders: context.replyCache)
        }
    }

    /// The reply's bytes to decode: an empty reply is the empty object.
    private func jsonReply(_ operation: String, _ input: some Encodable) async throws -> Data {
        let raw = try await jsonRaw(operation, body: try encode(input, for: operation))
        return raw.isEmpty ? Data("{}".utf8) : raw
    }

    private func encode(_ input: some Encodable, for operation: String) throws -> Data {
        do {
            return try JSONRequestEncoder.encode(input)
        } catch {
            throw AWSError(service: service.name, operation: operation, status: nil, code: "SerializationError", message: "\(error)")
        }
    }

    /// Calls a list operation, one page; with the context's reply cache, a page's list is decoded only when its
    /// bytes changed, whatever the page token beside it.
    func jsonPage<Output: Decodable & Sendable, Element: Decodable & Sendable>(_ operation: String, _ input: some Encodable, array key: String,
                                                                                at path: WritableKeyPath<Output, [Element]?>) async throws -> Output {
        let data = try await jsonReply(operation, input)
        return try decodeReply(operation) {
            guard let cache = context.replyCache else { return try AWSJSON.decode(Output.self, from: data, unit: service.timestampUnit) }
            return try cache.decode(Output.self, from: data, array: key, at: path, unit: service.timestampUnit)
        }
    }

    private func decodeReply<Output>(_ operation: String, _ decode: () throws -> Output) throws -> Output {
        do {
            return try decode()
        } catch {
            throw AWSError(service: service.name, operation: operation, status: 200, code: "DeserializationError",
                           message: AWSJSON.describe(error))
        }
    }

    /// Calls a JSON-protocol operation with a raw body and returns the raw reply (for `ecsdash call`).
    public func jsonRaw(_ operation: String, body: Data) async throws -> Data {
        guard case .json(let targetPrefix) = service.wireProtocol else {
            preconditionFailure("\(service.name) does not speak the JSON protocol")
        }
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/x-amz-json-1.1")
        headers.add("X-Amz-Target", targetPrefix + "." + operation)
        return try await send(operation, method: "POST", headers: headers, body: body).body
    }

    /// Calls a query-protocol operation and returns the parsed XML reply. `signed: false` sends it without
    /// credentials, for the few operations that take none (STS AssumeRoleWithWebIdentity).
    public func query(_ action: String, _ parameters: [QueryItem] = [], signed: Bool = true) async throws -> XMLNode {
        try parse(try await queryRaw(action, parameters, signed: signed), action: action)
    }

    /// Calls a query-protocol operation and reads its `<ActionResult>` element with `read`. For a `reusable`
    /// reply and with the context's reply cache, a result whose bytes are unchanged since the last refresh is
    /// neither parsed nor read again (nor is the rest of the reply, which holds only AWS's request id); so `read`
    /// must depend on the result alone, and each action must have one `read`.
    func queryResult<Output: Sendable>(_ action: String, _ parameters: [QueryItem] = [], reusable: Bool = false,
                                       read: (XMLNode) throws -> Output) async throws -> Output {
        let response = try await queryRaw(action, parameters)
        let resultName = action + "Result"
        func parseAndRead() throws -> Output {
            guard let result = try parse(response, action: action).first(named: resultName) else {
                throw AWSError(service: service.name, operation: action, status: response.status, code: "DeserializationError",
                               message: "no <\(resultName)> in the reply" + AWSErrorDecoder.bodyNote(response.body, carriesCredentials: service.carriesCredentials))
            }
            return try read(result)
        }
        guard reusable, let cache = context.replyCache, let range = XMLReader.elementRange(named: resultName, in: response.body) else {
            return try parseAndRead()
        }
        return try response.body.withUnsafeBytes { bytes in
            try cache.value(of: UnsafeRawBufferPointer(rebasing: bytes[range]), as: Output.self, unit: service.timestampUnit, decode: parseAndRead)
        }
    }

    private func queryRaw(_ action: String, _ parameters: [QueryItem], signed: Bool = true) async throws -> HTTPResponse {
        guard case .query(let version) = service.wireProtocol else {
            preconditionFailure("\(service.name) does not speak the query protocol")
        }
        let form = ([QueryItem("Action", action), QueryItem("Version", version)] + parameters)
            .map { URIEncoding.encode($0.name) + "=" + URIEncoding.encode($0.value) }
            .joined(separator: "&")
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        return try await send(action, method: "POST", headers: headers, body: Data(form.utf8), signed: signed)
    }

    private func parse(_ response: HTTPResponse, action: String) throws -> XMLNode {
        guard let xml = XMLNode.parse(response.body) else {
            throw AWSError(service: service.name, operation: action, status: response.status, code: "DeserializationError",
                           message: "reply is not XML" + AWSErrorDecoder.bodyNote(response.body, carriesCredentials: service.carriesCredentials))
        }
        return xml
    }

    /// The retry loop: rate limit, sign with fresh credentials and date, send, classify, back off.
    func send(_ operation: String, method: String, headers: HTTPHeaders, body: Data, signed: Bool = true) async throws -> HTTPResponse {
        let endpoint = try resolvedEndpoint(operation)
        var retries = 0
        var correctedSkew = false
        var refreshedCredentials = false
        while true {
            try await context.rateLimiter?.acquire()
            var request = HTTPRequest(method: method, endpoint: endpoint, path: endpoint.basePath.isEmpty ? "/" : endpoint.basePath + "/",
                                      headers: headers, body: body)
            let now = context.clock.now()
            if signed {
                let credentials = try await context.credentials.credentials()
                SigV4Signer(credentials: credentials, region: context.region, service: service.signingName)
                    .sign(&request, date: now.addingTimeInterval(context.clockSkew.seconds))
            } else {
                request.headers.add("Host", endpoint.hostHeader)
            }

            let failure: AWSError
            var response: HTTPResponse?
            var isTimeout = false
            do {
                let reply = try await context.transport.send(request)
                if reply.isSuccess {
                    context.retryBudget.recordSuccess()
                    return reply
                }
                response = reply
                failure = AWSErrorDecoder.decode(reply, service: service.name, operation: operation)
            } catch let error as TransportError {
                isTimeout = error.kind.isTimeout
                failure = AWSError(service: service.name, operation: operation, status: nil, code: error.kind.rawValue,
                                   message: "talking to \(error.host): \(error.message)")
            }

            if failure.isExpiredToken, signed, !refreshedCredentials, let refreshable = context.credentials as? any RefreshableCredentialProvider {
                refreshedCredentials = true
                await refreshable.invalidate()
                continue
            }
            if failure.kind == .clockSkew, !correctedSkew,
               context.clockSkew.learn(fromDateHeader: response?.headers["date"], localNow: now) {
                correctedSkew = true
                continue
            }
            guard failure.kind.isRetryable, retries + 1 < context.retryPolicy.maxAttempts,
                  context.retryBudget.withdraw(isTimeout: isTimeout) else {
                throw failure
            }
            try await context.clock.sleep(seconds: context.retryPolicy.delay(beforeRetry: retries))
            retries += 1
        }
    }

    private func resolvedEndpoint(_ operation: String) throws -> Endpoint {
        do {
            return try context.endpoints.endpoint(for: service, region: context.region)
        } catch {
            throw AWSError(service: service.name, operation: operation, status: nil, code: "InvalidEndpoint", message: "\(error)")
        }
    }
}
