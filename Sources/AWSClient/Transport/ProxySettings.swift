import Foundation

/// Which proxy a request goes through, read from the environment as the AWS CLI (botocore, through Python's
/// `urllib`) reads it: `HTTPS_PROXY` for https endpoints, `HTTP_PROXY` for http ones, lower-case names winning
/// over upper-case ones, and `NO_PROXY` naming hosts that are reached directly.
public struct ProxySettings: Sendable, Hashable {
    /// A proxy server; `user` and `password` come from the URL's `user:password@` part, percent-decoded.
    public struct Server: Sendable, Hashable {
        public var host: String
        public var port: Int
        public var user: String?
        public var password: String?
        /// An `https://` proxy URL: TLS to the proxy itself, which the transport refuses rather than ignores.
        public var usesTLS = false
    }

    public var https: Server?
    public var http: Server?
    /// `NO_PROXY` entries, lower-cased, without a leading dot; `*` bypasses every proxy.
    public var bypass: [String]

    public init(https: Server? = nil, http: Server? = nil, bypass: [String] = []) {
        self.https = https
        self.http = http
        self.bypass = bypass
    }

    public static let none = ProxySettings()

    /// Reads `https_proxy`/`HTTPS_PROXY`, `http_proxy`/`HTTP_PROXY` and `no_proxy`/`NO_PROXY`; a value that is not
    /// a proxy URL is ignored, as urllib ignores it.
    public init(environment: [String: String]) {
        func value(_ name: String) -> String? {
            let lower = environment[name.lowercased()], upper = environment[name.uppercased()]
            return [lower, upper].compactMap { $0 }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        https = value("https_proxy").flatMap(Self.server(from:))
        http = value("http_proxy").flatMap(Self.server(from:))
        bypass = (value("no_proxy") ?? "").split(separator: ",").compactMap { entry in
            var name = entry.trimmingCharacters(in: .whitespaces).lowercased()
            while name.hasPrefix(".") { name.removeFirst() }
            return name.isEmpty ? nil : name
        }
    }

    /// The proxy for `endpoint`, or nil to connect directly.
    public func server(for endpoint: Endpoint) -> Server? {
        guard let server = endpoint.scheme == "https" ? https : http else { return nil }
        return bypasses(host: endpoint.host, port: endpoint.port ?? (endpoint.scheme == "https" ? 443 : 80)) ? nil : server
    }

    /// urllib's rule: `*` matches everything; otherwise an entry matches the host itself, any subdomain of it,
    /// or `host:port` exactly.
    func bypasses(host: String, port: Int) -> Bool {
        let host = host.lowercased()
        let hostAndPort = "\(host):\(port)"
        return bypass.contains { entry in
            entry == "*" || entry == host || entry == hostAndPort || host.hasSuffix("." + entry) || hostAndPort.hasSuffix("." + entry)
        }
    }

    /// `http://user:pass@proxy.corp:3128` → the server; a bare `proxy.corp:3128` is read as http, as urllib does.
    static func server(from text: String) -> Server? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var usesTLS = false
        if let schemeEnd = rest.range(of: "://") {
            let scheme = rest[..<schemeEnd.lowerBound].lowercased()
            guard scheme == "http" || scheme == "https" else { return nil }
            usesTLS = scheme == "https"
            rest = rest[schemeEnd.upperBound...]
        }
        rest = rest.prefix { $0 != "/" }
        var user: String?, password: String?
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            let parts = credentials.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            user = parts.first.map { String($0).removingPercentEncoding ?? String($0) }
            password = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : nil
        }
        var host = rest
        var port = 80
        if let colon = rest.lastIndex(of: ":"), !rest.hasSuffix("]") {
            host = rest[..<colon]
            guard let parsed = Int(rest[rest.index(after: colon)...]), (1...65535).contains(parsed) else { return nil }
            port = parsed
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        guard !host.isEmpty else { return nil }
        return Server(host: String(host), port: port, user: user, password: password, usesTLS: usesTLS)
    }
}
