import Foundation

/// How an action ended: the exit code the command returns and the one message that explains it.
struct ActionOutcome: Sendable, Equatable {
    var exitCode: Int32
    var message: String
    /// Whether anything in AWS was changed.
    var wroteToAWS = false

    static let success: Int32 = 0
    /// Refused or failed: another action running, an AWS error.
    static let failure: Int32 = 1
    /// Bad arguments, or no way to confirm.
    static let usage: Int32 = 2
    /// A gate failed and was not overridden.
    static let gateFailed: Int32 = 3
    /// The deployment failed, was rolled back by ECS, or did not finish in time.
    static let deploymentFailed: Int32 = 4
    /// Refused by read-only mode (`--read-only`, `read_only: true` in the config or on the environment).
    static let readOnly: Int32 = 5

    static func ok(_ message: String, wrote: Bool = false) -> ActionOutcome {
        ActionOutcome(exitCode: success, message: message, wroteToAWS: wrote)
    }
}
