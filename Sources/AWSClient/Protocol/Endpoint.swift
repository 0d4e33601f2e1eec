import Foundation

/// Where requests for one service go: scheme, host and port, plus any base path.
public struct Endpoint: Sendable, Equatable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int?
    public var basePath: String

    public init(scheme: String = "https", host: String, port: Int? = nil, basePath: String = "") {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.basePath = basePath
    }

    /// Parses an override such as `http://127.0.0.1:5000`; nil when it is not an http(s) URL with a host.
    public init?(url text: String) {
        guard let components = URLComponentsLite(text) else { return nil }
        self.init(scheme: components.scheme, host: components.host, port: components.port, basePath: components.path)
    }

    /// The `Host` header value: the host, with the port when it is not the scheme's default.
    public var hostHeader: String {
        guard let port, !(scheme == "https" && port == 443), !(scheme == "http" && port == 80) else { return host }
        return "\(host):\(port)"
    }

    public var baseURL: String { "\(scheme)://\(hostHeader)\(basePath)" }

    public var description: String { baseURL }
}

/// Just enough URL parsing for endpoint overrides, without Foundation's platform differences.
struct URLComponentsLite {
    var scheme: String
    var host: String
    var port: Int?
    var path: String

    init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let schemeEnd = trimmed.range(of: "://") else { return nil }
        scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = trimmed[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" }
        var remainder = String(rest.dropFirst(authority.count))
        while remainder.hasSuffix("/") { remainder.removeLast() }
        path = remainder
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            host = String(authority[..<colon])
            guard let parsed = Int(authority[authority.index(after: colon)...]), (1...65535).contains(parsed) else { return nil }
            port = parsed
        } else {
            host = String(authority)
            port = nil
        }
        guard !host.isEmpty else { return nil }
    }
}
