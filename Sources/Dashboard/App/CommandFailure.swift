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
}
