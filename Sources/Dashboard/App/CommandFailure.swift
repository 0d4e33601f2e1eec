import ArgumentParser

/// A failure a command reports as one clear message on stderr, with a chosen exit code.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    let exitCode: ExitCode

    var description: String { message }
}

extension ExitCode {
    /// Bad arguments or configuration.
    static let usage = ExitCode(2)
    /// An action's safety gate failed and was not overridden.
    static let gateFailed = ExitCode(3)
    /// An action's deployment failed, was rolled back by ECS, or did not finish in time.
    static let deploymentFailed = ExitCode(4)
}
