/// A config or credentials file that could not be read or parsed, pointing at the file and line.
public struct ProfileFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem is the file as a whole (for example, unreadable).
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = Self.oneLine(message)
    }

    public var description: String {
        let text = line > 0 ? "\(file), line \(line): \(message)" : "\(file): \(message)"
        return Self.oneLine(text)
    }

    /// Names and values from the file go into the message as written, so a control, format or line-separator
    /// character in them (U+0085, U+2028, a zero-width space) is shown escaped: the message stays one visible line.
    static func oneLine(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator:
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
