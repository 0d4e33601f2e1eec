/// A failure below HTTP: the request never got an answer.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case connectTimeout = "ConnectTimeout"
        case requestTimeout = "RequestTimeout"
        case connectionFailed = "ConnectionFailed"
        case connectionReset = "ConnectionReset"
        case other = "TransportFailure"
    }

    public var kind: Kind
    public var host: String
    public var message: String

    public init(_ kind: Kind, host: String, message: String) {
        self.kind = kind
        self.host = host
        self.message = message
    }

    public var description: String { "\(kind.rawValue) talking to \(host): \(message)" }
}
