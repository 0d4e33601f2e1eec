
/// Text from a file or the command line made fit to quote in a message: one line, no invisible characters, not long.
///
/// A byte order mark or zero-width space inside a key prints as nothing, so `refresh` looks unknown for no
/// visible reason; they are shown as `\u{FEFF}`. A value may be a whole file (a block scalar, a 2 MB line), so
/// what is quoted stops after `limit` characters.
package enum VisibleText {
    /// Enough to recognise a value by; the rest is elided with `…`.
    package static let quoteLimit = 60

    /// `text` in backticks, escaped and capped: the way messages quote a value.
    package static func quoted(_ text: some StringProtocol, limit: Int = quoteLimit) -> String {
        "`" + escaped(text, limit: limit) + "`"
    }

    /// `text` with control, format and separator characters other than the plain space written as escapes
    /// (`\n`, `\t`, `\u{200B}`), cut (with `…`) where it would grow past `limit` scalars, escapes counted as written.
    package static func escaped(_ text: some StringProtocol, limit: Int) -> String {
        var result = String.UnicodeScalarView()
        var count = 0
        for scalar in text.unicodeScalars {
            let piece = isInvisible(scalar) ? Array(escape(scalar).unicodeScalars) : [scalar]
            guard count + piece.count <= limit else {
                result.append("…")
                break
            }
            result.append(contentsOf: piece)
            count += piece.count
        }
        return String(result)
    }

    package static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned: true
        case .spaceSeparator: scalar != " "
        default: false
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}"
        }
    }
}
