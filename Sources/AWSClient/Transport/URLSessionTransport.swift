import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real network: Foundation's URLSession (libcurl on Linux, so HTTPS_PROXY, NO_PROXY and the system CA
/// store apply), with a connect timeout and an overall request timeout. The only file that imports it.
public final class URLSessionTransport: HTTPTransport {
    public let connectTimeout: TimeInterval
    public let requestTimeout: TimeInterval
    private let session: URLSession

    public init(connectTimeout: TimeInterval = 10, requestTimeout: TimeInterval = 30) {
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        let configuration = URLSessionConfiguration.ephemeral
        // URLSession's request timeout is an idle timer; it ends a connect attempt that gets no answer.
        configuration.timeoutIntervalForRequest = connectTimeout
        configuration.timeoutIntervalForResource = requestTimeout
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = connectTimeout
        for field in request.headers where field.name.lowercased() != "host" {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        if !request.body.isEmpty { urlRequest.httpBody = request.body }
        let prepared = urlRequest
        let host = request.endpoint.hostHeader
        let session = self.session
        let timeout = requestTimeout
        return try await withThrowingTaskGroup(of: HTTPResponse.self) { group in
            group.addTask {
                do {
                    let (data, response) = try await session.data(for: prepared)
                    guard let http = response as? HTTPURLResponse else {
                        throw TransportError(.other, host: host, message: "not an HTTP response")
                    }
                    var headers = HTTPHeaders()
                    for (name, value) in http.allHeaderFields {
                        headers.add("\(name)", "\(value)")
                    }
                    return HTTPResponse(status: http.statusCode, headers: headers, body: data)
                } catch let error as URLError {
                    throw URLSessionTransport.transportError(error, host: host)
                }
            }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
                throw TransportError(.requestTimeout, host: host, message: "no complete answer within \(Int(timeout)) s")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else {
                throw TransportError(.other, host: host, message: "request ended without an answer")
            }
            return first
        }
    }

    static func transportError(_ error: URLError, host: String) -> TransportError {
        switch error.code {
        case .timedOut:
            return TransportError(.connectTimeout, host: host, message: "timed out waiting for an answer")
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet, .secureConnectionFailed:
            return TransportError(.connectionFailed, host: host, message: error.localizedDescription)
        case .networkConnectionLost:
            return TransportError(.connectionReset, host: host, message: "connection lost")
        default:
            return TransportError(.other, host: host, message: error.localizedDescription)
        }
    }
}
