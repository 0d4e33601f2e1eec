import Foundation

/// An HTTP request as AWSClient builds and signs it: the path is as sent on the wire (percent-encoded),
/// the query items are decoded, and headers keep their order.
public struct HTTPRequest: Sendable {
    public var method: String
    public var endpoint: Endpoint
    public var path: String
    public var query: [QueryItem]
    public var headers: HTTPHeaders
    public var body: Data

    public init(method: String, endpoint: Endpoint, path: String = "/", query: [QueryItem] = [], headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()) {
        self.method = method
        self.endpoint = endpoint
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The full URL, with the query encoded exactly as it is signed.
    public var url: URL {
        var text = endpoint.baseURL + path
        if !query.isEmpty {
            text += "?" + query.map { URIEncoding.encode($0.name) + "=" + URIEncoding.encode($0.value) }.joined(separator: "&")
        }
        guard let url = URL(string: text) else { preconditionFailure("AWSClient built an invalid URL: \(text)") }
        return url
    }
}

/// One decoded query parameter.
public struct QueryItem: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
