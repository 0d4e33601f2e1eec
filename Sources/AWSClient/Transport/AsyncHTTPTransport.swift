import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The real network, through AsyncHTTPClient (SwiftNIO): pooled keep-alive connections per host, a connect
/// timeout, a deadline for the whole exchange, a cap on the reply's size, proxies and trust as the AWS CLI reads
/// them. Cancelling a request never blocks: it is a message to the connection's event loop.
///
/// It replaced URLSession, whose Linux implementation deadlocks when a Swift task is cancelled while the same
/// request completes (`URLSessionTask.cancel` takes the session's queue synchronously while that queue resumes
/// the task's continuation), which froze the dashboard under ordinary faults.
public struct AsyncHTTPTransport: HTTPTransport {
    public let settings: TransportSettings

    public init(settings: TransportSettings = TransportSettings()) {
        self.settings = settings
    }

    /// Ends every connection of every transport in the process; call once, on the way out. It waits at most
    /// `seconds`: leaving must never hang on a connection that will not close.
    public static func shutdown(within seconds: TimeInterval = 0.5) async {
        _ = try? await TimeLimit.run(seconds: seconds, clock: SystemClock(), onTimeout: { CancellationError() }) {
            await HTTPClientPool.shared.shutdown()
        }
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let host = request.endpoint.hostHeader
        let proxy = settings.proxies.server(for: request.endpoint)
        if let proxy, proxy.usesTLS {
            throw TransportError(.connectionFailed, host: host,
                                 message: "the proxy \(proxy.host):\(proxy.port) is given as https://, and TLS to a proxy is not supported; use http://")
        }
        if let bundle = settings.caBundle, !FileManager.default.isReadableFile(atPath: bundle) {
            throw TransportError(.connectionFailed, host: host, message: "AWS_CA_BUNDLE \(bundle) cannot be read")
        }
        let key = HTTPClientPool.Key(connectTimeout: settings.connectTimeout, readTimeout: settings.readTimeout, proxy: proxy, caBundle: settings.caBundle)
        guard let client = try HTTPClientPool.shared.client(for: key) else {
            throw TransportError(.other, host: host, message: "the HTTP client has shut down")
        }
        let outgoing = Self.outgoing(request)
        let limit = settings.maxResponseBytes
        let deadline = settings.requestTimeout
        // The deadline covers the reply's body too (AsyncHTTPClient's own deadline ends with the head), so a server
        // that trickles bytes cannot hold a poll forever. Both children end promptly when cancelled.
        return try await withThrowingTaskGroup(of: HTTPResponse.self) { group in
            group.addTask {
                do {
                    let response = try await client.execute(outgoing, deadline: .now() + HTTPClientPool.amount(deadline))
                    let body = try await response.body.collect(upTo: limit)
                    var headers = HTTPHeaders()
                    for field in response.headers { headers.add(field.name, field.value) }
                    return HTTPResponse(status: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
                } catch {
                    throw Self.transportError(error, host: host, settings: settings)
                }
            }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(HTTPClientPool.amount(deadline).nanoseconds))
                throw TransportError(.requestTimeout, host: host, message: "no complete answer within \(Self.seconds(deadline))")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else {
                throw TransportError(.other, host: host, message: "the request ended without an answer")
            }
            return first
        }
    }

    static func outgoing(_ request: HTTPRequest) -> HTTPClientRequest {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        // The signed `Host` (port included) goes out as signed; AsyncHTTPClient adds one only when it is missing.
        for field in request.headers { outgoing.headers.add(name: field.name, value: field.value) }
        if !request.body.isEmpty || request.method == "POST" || request.method == "PUT" {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        return outgoing
    }

    /// Names what went wrong in the words a person at the terminal needs; a cancellation stays a cancellation.
    static func transportError(_ error: any Error, host: String, settings: TransportSettings) -> any Error {
        if error is CancellationError || error is TransportError { return error }
        if let client = error as? HTTPClientError {
            switch client {
            case .cancelled:
                return CancellationError()
            case .connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout:
                return TransportError(.connectTimeout, host: host, message: "no connection within \(seconds(settings.connectTimeout))")
            case .readTimeout:
                return TransportError(.readTimeout, host: host, message: "connected, but the server sent nothing for \(seconds(settings.readTimeout))")
            case .deadlineExceeded:
                return TransportError(.requestTimeout, host: host, message: "no complete answer within \(seconds(settings.requestTimeout))")
            case .remoteConnectionClosed:
                return TransportError(.connectionReset, host: host, message: "the server closed the connection before the answer was complete")
            case .httpProxyHandshakeTimeout, .invalidProxyResponse, .proxyAuthenticationRequired:
                return TransportError(.connectionFailed, host: host, message: "the proxy refused or failed the connection (\(client))")
            default:
                return TransportError(.other, host: host, message: "\(client)")
            }
        }
        if error is NIOTooManyBytesError {
            return TransportError(.responseTooLarge, host: host, message: "the reply is larger than \(settings.maxResponseBytes >> 20) MiB")
        }
        if let connection = error as? NIOConnectionError {
            if connection.dnsAError != nil || connection.dnsAAAAError != nil {
                return TransportError(.connectionFailed, host: host, message: "cannot resolve \(connection.host)")
            }
            let reasons = Set(connection.connectionErrors.map { reason(of: $0.error) })
            return TransportError(.connectionFailed, host: host, message: "cannot connect to \(connection.host):\(connection.port)"
                                  + (reasons.isEmpty ? "" : " (\(reasons.sorted().joined(separator: ", ")))"))
        }
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNRESET, EPIPE, ECONNABORTED:
                return TransportError(.connectionReset, host: host, message: "the connection was reset")
            case ECONNREFUSED, EHOSTUNREACH, ENETUNREACH:
                return TransportError(.connectionFailed, host: host, message: reason(of: io))
            default:
                return TransportError(.other, host: host, message: reason(of: io))
            }
        }
        if let channel = error as? ChannelError {
            switch channel {
            case .connectTimeout:
                return TransportError(.connectTimeout, host: host, message: "no connection within \(seconds(settings.connectTimeout))")
            case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed:
                return TransportError(.connectionReset, host: host, message: "the connection closed before the answer was complete")
            default:
                return TransportError(.other, host: host, message: "\(channel)")
            }
        }
        if error is HTTPParserError {
            return TransportError(.connectionReset, host: host, message: "the reply was not valid HTTP (\(error))")
        }
        if error is NIOSSLError {
            return TransportError(.connectionFailed, host: host, message: "TLS failed: \(error)")
        }
        return TransportError(.other, host: host, message: "\(error)")
    }

    private static func reason(of error: any Error) -> String {
        guard let io = error as? IOError else { return "\(error)" }
        return String(cString: strerror(io.errnoCode)).lowercased()
    }

    static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
