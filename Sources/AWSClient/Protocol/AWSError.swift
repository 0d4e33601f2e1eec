import Foundation

/// A failed AWS call: which service and operation, HTTP status, AWS's error code and message, and the request id.
public struct AWSError: Error, Sendable, Equatable, CustomStringConvertible {
    public var service: String
    public var operation: String
    /// nil when no HTTP response arrived (timeouts, refused connections).
    public var status: Int?
    public var code: String
    /// AWS's message, or one built from a reply that could not be read. Scrubbed of anything shaped like a key,
    /// secret or token whenever it is set, since it is quoted on its own (`ecsdash status`, step failures) as
    /// well as in `description`.
    public var message: String {
        get { scrubbedMessage }
        set { scrubbedMessage = SecretScrubber.scrub(newValue) }
    }
    private var scrubbedMessage: String
    public var requestId: String?

    public init(service: String, operation: String, status: Int?, code: String, message: String, requestId: String? = nil) {
        self.service = service
        self.operation = operation
        self.status = status
        self.code = code
        self.scrubbedMessage = SecretScrubber.scrub(message)
        self.requestId = requestId
    }

    public var kind: AWSErrorKind { AWSErrorKind.classify(code: code, status: status, message: message) }

    /// AWS says the session token has expired: fresh credentials, not other ones, are the cure.
    public var isExpiredToken: Bool { AWSErrorKind.expiredTokenCodes.contains(code) }

    public var description: String {
        var text = "\(service) \(operation) failed: \(code)"
        if let status { text += " (HTTP \(status))" }
        if !message.isEmpty { text += ": \(message)" }
        if let requestId { text += " [request id \(requestId)]" }
        // The code and request id come from the reply too (a header, an XML element).
        return SecretScrubber.scrub(text)
    }
}

/// What a caller should do about an error: retry it, fix permissions, fix credentials, or give up.
public enum AWSErrorKind: String, Sendable, Equatable {
    case throttling
    case transient
    case accessDenied
    case invalidCredentials
    case clockSkew
    case client

    public var isRetryable: Bool { self == .throttling || self == .transient }

    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "TooManyRequestsException",
        "RequestLimitExceeded", "ProvisionedThroughputExceededException", "RequestThrottled",
        "RequestThrottledException", "SlowDown", "BandwidthLimitExceeded", "LimitExceededException",
        "TransactionInProgressException", "PriorRequestNotComplete", "EC2ThrottledException",
    ]
    static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "InternalServerError",
        "InternalServiceException", "ServiceUnavailable", "ServiceUnavailableException", "ServerException",
        "IDPCommunicationError", "ConnectTimeout", "ReadTimeout", "ConnectionFailed", "ConnectionReset", "TransportFailure",
    ]
    static let accessDeniedCodes: Set<String> = [
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError",
        "AuthorizationErrorException", "NotAuthorized", "Forbidden",
    ]
    static let invalidCredentialCodes: Set<String> = [
        "InvalidClientTokenId", "UnrecognizedClientException", "ExpiredToken", "ExpiredTokenException",
        "InvalidAccessKeyId", "InvalidToken", "RequestExpired", "SignatureDoesNotMatch", "IncompleteSignature",
        "InvalidSignatureException", "MissingAuthenticationToken", "MissingAuthenticationTokenException",
    ]
    static let expiredTokenCodes: Set<String> = ["ExpiredToken", "ExpiredTokenException"]
    static let clockSkewCodes: Set<String> = ["RequestTimeTooSkewed", "RequestInTheFuture", "RequestExpired"]

    /// Classifies by AWS's code first, then by HTTP status; a signature error whose message says the
    /// request time is off is clock skew, not bad keys.
    static func classify(code: String, status: Int?, message: String) -> AWSErrorKind {
        if throttlingCodes.contains(code) || status == 429 { return .throttling }
        if clockSkewCodes.contains(code) || isSkewMessage(code: code, message: message) { return .clockSkew }
        if transientCodes.contains(code) { return .transient }
        if accessDeniedCodes.contains(code) { return .accessDenied }
        if invalidCredentialCodes.contains(code) { return .invalidCredentials }
        if let status, status >= 500 { return .transient }
        return .client
    }

    private static func isSkewMessage(code: String, message: String) -> Bool {
        guard code == "InvalidSignatureException" || code == "SignatureDoesNotMatch" || code == "AuthFailure" else { return false }
        let lowered = message.lowercased()
        return lowered.contains("signature expired") || lowered.contains("request time") || lowered.contains("too skewed")
    }
}
