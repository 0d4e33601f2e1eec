/// An action stopped before or between steps, with the message and exit code the command reports.
struct ActionError: Error, Equatable, CustomStringConvertible {
    let message: String
    let exitCode: Int32
    /// AWS's error code behind it, for the audit record of a refusal (`AccessDenied`).
    var code: String? = nil

    init(message: String, exitCode: Int32, code: String? = nil) {
        self.message = message
        self.exitCode = exitCode
        self.code = code
    }

    var description: String { message }
}
