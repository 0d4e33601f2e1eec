/// Why a credential provider could not produce credentials, worded for the person at the terminal.
public struct CredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// This provider has nothing to offer; a chain moves on to the next one.
        case notFound
        /// This provider was configured but failed; a chain stops and reports it.
        case failed
    }

    public var kind: Kind
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

    public var description: String { SecretScrubber.scrub("\(provider): \(message)") }
}
