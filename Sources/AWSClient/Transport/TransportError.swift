/// A failure below HTTP: the request never got a whole answer.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// No connection could be made in time.
        case connectTimeout = "ConnectTimeout"
        /// Connected, but the server sent nothing for too long.
        case readTimeout = "ReadTimeout"
        /// The whole exchange took longer than its deadline.
        case requestTimeout = "RequestTimeout"
        case connectionFailed = "ConnectionFailed"
        /// The connection broke before the answer was complete (reset, closed early, cut off).
        case connectionReset = "ConnectionReset"
        case responseTooLarge = "ResponseTooLarge"
        case other = "TransportFailure"

        /// Timeouts cost a retry more than other failures: they tie up a connection for the whole wait.
        public var isTimeout: Bool { self == .connectTimeout || self == .readTimeout || self == .requestTimeout }
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
