/// A config or credentials file that could not be read or parsed, pointing at the file and line.
public struct ProfileFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem is the file as a whole (for example, unreadable).
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(file), line \(line): \(message)" : "\(file): \(message)"
    }
}
