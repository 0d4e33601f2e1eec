import Foundation

/// How an action ended: the exit code the command returns and the one message that explains it.
package struct ActionOutcome: Sendable, Equatable {
    package var exitCode: Int32
    package var message: String
    /// Whether anything in AWS was changed.
    package var wroteToAWS = false

    package static let success: Int32 = 0
    /// Refused or failed: another action running, an AWS error.
    package static let failure: Int32 = 1
    /// Bad arguments, or no way to confirm.
    package static let usage: Int32 = 2
    /// A gate failed and was not overridden.
    package static let gateFailed: Int32 = 3
    /// The deployment failed, was rolled back by ECS, or did not finish in time.
    package static let deploymentFailed: Int32 = 4
    /// Refused by read-only mode (`--read-only`, `read_only: true` in the config or on the environment).
    package static let readOnly: Int32 = 5

    package static func ok(_ message: String, wrote: Bool = false) -> ActionOutcome {
        ActionOutcome(exitCode: success, message: message, wroteToAWS: wrote)
    }

    package init(exitCode: Int32, message: String, wroteToAWS: Bool = false) {
        self.exitCode = exitCode
        self.message = message
        self.wroteToAWS = wroteToAWS
    }
}
