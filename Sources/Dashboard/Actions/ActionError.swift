/// An action stopped before or between steps, with the message and exit code the command reports.
struct ActionError: Error, Equatable, CustomStringConvertible {
    let message: String
    let exitCode: Int32

    var description: String { message }
}
