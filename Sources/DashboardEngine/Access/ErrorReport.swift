import AWSClient
import DashboardModel

/// Words a failed AWS call for the person at the terminal: the operation, AWS's code and message, and
/// for access denied the IAM action that is missing; never a key, secret or token, whatever the error quoted.
package enum ErrorReport {
    package static func describe(_ error: Error, action: String? = nil) -> String {
        SecretScrubber.scrub(text(error, action: action))
    }

    private static func text(_ error: Error, action: String?) -> String {
        switch error {
        case let error as AWSError:
            var text = error.description
            switch error.kind {
            case .accessDenied:
                if let action { text += "\n  the identity needs IAM permission \(action)" }
            case .invalidCredentials:
                text += "\n  the credentials were rejected: check the keys, the session token, or refresh your login"
            case .clockSkew:
                text += "\n  this machine's clock differs from AWS's; fix the system time"
            case .throttling, .transient, .client:
                break
            }
            return text
        case let error as CredentialError:
            return "credentials: \(error)"
        default:
            return "\(error)"
        }
    }
}
