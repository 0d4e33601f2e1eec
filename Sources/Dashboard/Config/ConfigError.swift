import AWSClient

/// A problem in a config file, pointing at the file, line, column and key, worded to be fixed at once.
///
/// The key and message are shown with invisible characters escaped and capped in length: both can hold text
/// from the file, where a byte order mark or a zero-width space would otherwise print as nothing at all, and a
/// runaway value would print a screenful.
struct ConfigError: Error, Equatable, CustomStringConvertible {
    let file: String
    let line: Int?
    let column: Int?
    /// Where in the document: `environments[1].cluster`.
    let key: String
    let message: String

    init(file: String, line: Int?, column: Int?, key: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    /// A file that could not be read as text, at the line of its first byte that is not UTF-8 when that is why.
    init(reading error: UserFileError, file: String? = nil, what: String) {
        self.init(file: file ?? error.path, line: error.line, column: nil, key: "", message: "cannot read \(what): \(error.reason)")
    }

    var description: String {
        var location = VisibleText.escaped(file, limit: 300)
        if let line { location += ":\(line)" }
        if let line = line, line > 0, let column { location += ":\(column)" }
        let message = VisibleText.escaped(message, limit: 1_000)
        return key.isEmpty ? "\(location): \(message)" : "\(location): \(VisibleText.escaped(key, limit: 120)): \(message)"
    }
}
