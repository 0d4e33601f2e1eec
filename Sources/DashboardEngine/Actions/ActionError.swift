import DashboardModel

/// An action stopped before or between steps, with the message and exit code the command reports.
package struct ActionError: Error, Equatable, CustomStringConvertible {
    package let message: String
    package let exitCode: Int32
    /// AWS's error code behind it, for the audit record of a refusal (`AccessDenied`).
    package var code: String? = nil

    package init(message: String, exitCode: Int32, code: String? = nil) {
        self.message = message
        self.exitCode = exitCode
        self.code = code
    }

    package var description: String { message }
}
