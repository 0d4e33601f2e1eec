/// Why a credential provider could not produce credentials, worded for the person at the terminal.
public struct CredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// This provider has nothing to offer; a chain moves on to the next one.
        case notFound
        /// This provider was configured but failed; a chain stops and reports it.
        case failed
    }

    /// What went wrong, finer than `kind`, for callers (and the botocore parity tests) that tell failures apart.
    public enum Cause: Sendable, Equatable {
        case unspecified
        /// A profile asked for by name does not exist.
        case profileNotFound
        /// The config or credentials file could not be parsed, or says something two ways.
        case fileSyntax
        /// Half a key pair: an access key id without its secret, or the other way round.
        case partialKeys
        /// A setting is missing, empty, contradicts another or asks for something ecsdash cannot do.
        case badSetting
        /// `source_profile`s lead back to a profile already on the path.
        case sourceProfileCycle
        /// A configured source ran but gave nothing usable (a helper that failed, an empty credential_source).
        case sourceFailed
        /// A file or program the settings name does not exist.
        case missingFile
        /// The credentials were already expired when they arrived.
        case expired
        /// STS (or another AWS service) refused the request.
        case refusedByAWS
        /// The cached IAM Identity Center token is missing or expired: `aws sso login` is needed.
        case ssoLogin
    }

    public var kind: Kind
    public var cause: Cause = .unspecified
    public var provider: String
    /// Scrubbed of anything shaped like a key, secret or token whenever it is set: it quotes what providers read
    /// (a helper's stderr, an AWS error, a metadata reply's message), and callers show it on its own.
    public var message: String {
        get { scrubbedMessage }
        set { scrubbedMessage = SecretScrubber.scrub(newValue) }
    }
    private var scrubbedMessage: String
    /// The AWS error behind the failure (an AssumeRole that was denied, say), so callers can classify it.
    public var underlyingAWSError: AWSError?

    public init(_ kind: Kind, provider: String, _ message: String, underlyingAWSError: AWSError? = nil) {
        self.kind = kind
        self.provider = provider
        self.scrubbedMessage = SecretScrubber.scrub(message)
        self.underlyingAWSError = underlyingAWSError
    }

    public static func notFound(_ provider: String, _ message: String) -> CredentialError {
        CredentialError(.notFound, provider: provider, message)
    }

    public static func failed(_ provider: String, _ message: String) -> CredentialError {
        CredentialError(.failed, provider: provider, message)
    }

    public static func failed(_ provider: String, _ cause: Cause, _ message: String) -> CredentialError {
        var error = CredentialError(.failed, provider: provider, message)
        error.cause = cause
        return error
    }

    public var description: String { SecretScrubber.scrub("\(provider): \(message)") }
}
