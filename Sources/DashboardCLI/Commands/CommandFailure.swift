import ArgumentParser
import DashboardEngine
import DashboardModel

/// A failure a command reports as one clear message on stderr, with a chosen exit code.
package struct CommandFailure: Error, CustomStringConvertible {
    package let message: String
    package let exitCode: ExitCode

    package var description: String { message }
}

extension ExitCode {
    /// Bad arguments or configuration.
    package static let usage = ExitCode(2)
    /// An action's safety gate failed and was not overridden.
    package static let gateFailed = ExitCode(3)
    /// An action's deployment failed, was rolled back by ECS, or did not finish in time.
    package static let deploymentFailed = ExitCode(4)
}
