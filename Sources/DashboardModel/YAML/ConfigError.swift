
/// A problem in a config file, pointing at the file, line, column and key, worded to be fixed at once.
///
/// The key and message are shown with invisible characters escaped and capped in length: both can hold text
/// from the file, where a byte order mark or a zero-width space would otherwise print as nothing at all, and a
/// runaway value would print a screenful.
package struct ConfigError: Error, Equatable, CustomStringConvertible {
    /// Empty when the problem is in no file (no config found, an unknown theme name): then nothing precedes the key.
    package let file: String
    package let line: Int?
    package let column: Int?
    /// Where in the document: `environments[1].cluster`.
    package let key: String
    package let message: String

    package init(file: String, line: Int?, column: Int?, key: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    /// `file:line:column: key: message`, leaving out what is unknown. No program name: whoever prints it adds that
    /// once (the entry point's `ecsdash: `), so it is never said twice.
    package var description: String {
        var location = VisibleText.escaped(file, limit: 300)
        if let line { location += ":\(line)" }
        if let line = line, line > 0, let column { location += ":\(column)" }
        let message = VisibleText.escaped(message, limit: 1_000)
        let parts = [location, key.isEmpty ? "" : VisibleText.escaped(key, limit: 120), message].filter { !$0.isEmpty }
        return parts.joined(separator: ": ")
    }
}
