/// A problem in a config file, pointing at the file, line, column and key, worded to be fixed at once.
struct ConfigError: Error, Equatable, CustomStringConvertible {
    let file: String
    let line: Int?
    let column: Int?
    /// Where in the document: `environments[1].cluster`.
    let key: String
    let message: String

    var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let line = line, line > 0, let column { location += ":\(column)" }
        return key.isEmpty ? "\(location): \(message)" : "\(location): \(key): \(message)"
    }
}
