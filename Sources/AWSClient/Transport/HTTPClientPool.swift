import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL

/// The process's AsyncHTTPClient instances, one per distinct connection setup (timeouts, proxy, trust), each with
/// its own keep-alive pool per host. They live until `shutdown()`, which the command line calls on its way out,
/// so no client is ever released still running (AsyncHTTPClient traps on that in debug builds).
final class HTTPClientPool: @unchecked Sendable {
    /// What makes two clients different.
    struct Key: Hashable {
        var connectTimeout: TimeInterval
        var readTimeout: TimeInterval
        var proxy: ProxySettings.Server?
        var caBundle: String?
    }

    static let shared = HTTPClientPool()

    private let lock = NSLock()
    private var clients: [Key: HTTPClient] = [:]
    private var isShutDown = false

    /// The client for `key`, made on first use; nil once the pool is shut down.
    func client(for key: Key) throws -> HTTPClient? {
        try lock.withLock {
            guard !isShutDown else { return nil }
            if let existing = clients[key] { return existing }
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: try Self.configuration(for: key))
            clients[key] = client
            return client
        }
    }

    /// Closes every connection and stops every client; requests still in flight fail at once.
    func shutdown() async {
        let running = lock.withLock { () -> [HTTPClient] in
            isShutDown = true
            defer { clients.removeAll() }
            return Array(clients.values)
        }
        for client in running { try? await client.shutdown() }
    }

    private static func configuration(for key: Key) throws -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: amount(key.connectTimeout), read: amount(key.readTimeout))
        // A signed request must never be replayed at another address, and AWS APIs do not redirect.
        configuration.redirectConfiguration = .disallow
        configuration.httpVersion = .http1Only
        configuration.decompression = .disabled
        // AWS front ends drop idle connections after about 20 s; reusing one they dropped costs a failed attempt. Every
        // environment of a region shares one host, so one account hanging on its calls must not use up the connections.
        configuration.connectionPool = .init(idleTimeout: .seconds(15), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
        if let proxy = key.proxy {
            let authorization = proxy.user.map { HTTPClient.Authorization.basic(username: $0, password: proxy.password ?? "") }
            configuration.proxy = .server(host: proxy.host, port: proxy.port, authorization: authorization)
        }
        if let bundle = key.caBundle {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .file(bundle)
            configuration.tlsConfiguration = tls
        }
        return configuration
    }

    static func amount(_ seconds: TimeInterval) -> TimeAmount {
        .nanoseconds(Int64(min(max(seconds, 0.001), 86_400) * 1_000_000_000))
    }
}
