import Foundation

/// How the real network behaves: how long to wait for a connection and for a whole answer, how big an answer
/// may be, which proxy to use and which certificates to trust.
public struct TransportSettings: Sendable, Hashable {
    /// Seconds to get a TCP (and TLS) connection.
    public var connectTimeout: TimeInterval
    /// Seconds for the whole exchange, from sending to the last byte of the reply.
    public var requestTimeout: TimeInterval
    /// The largest reply accepted; a bigger one fails with `ResponseTooLarge` instead of filling memory.
    public var maxResponseBytes: Int
    public var proxies: ProxySettings
    /// A PEM bundle to trust instead of the system's store (`AWS_CA_BUNDLE`, as the AWS CLI reads it).
    public var caBundle: String?

    public static let defaultConnectTimeout: TimeInterval = 10
    public static let defaultRequestTimeout: TimeInterval = 30
    public static let defaultMaxResponseBytes = 16 << 20

    public init(connectTimeout: TimeInterval = defaultConnectTimeout, requestTimeout: TimeInterval = defaultRequestTimeout,
                maxResponseBytes: Int = defaultMaxResponseBytes, proxies: ProxySettings = .none, caBundle: String? = nil) {
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.maxResponseBytes = maxResponseBytes
        self.proxies = proxies
        self.caBundle = caBundle
    }

    /// The settings a user's shell implies: proxies from `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY`, trust from `AWS_CA_BUNDLE`.
    public init(environment: [String: String], connectTimeout: TimeInterval = defaultConnectTimeout,
                requestTimeout: TimeInterval = defaultRequestTimeout) {
        let bundle = environment["AWS_CA_BUNDLE"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        self.init(connectTimeout: connectTimeout, requestTimeout: requestTimeout, proxies: ProxySettings(environment: environment), caBundle: bundle)
    }

    /// Seconds of silence on an open connection that count as a dead server: shorter than the whole-request
    /// deadline, so a server that accepted the connection and then went quiet is named as such.
    var readTimeout: TimeInterval { max(0.5, min(requestTimeout, max(connectTimeout, requestTimeout * 2 / 3))) }
}
