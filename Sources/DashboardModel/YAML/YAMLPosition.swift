
/// Line and column arithmetic on YAML text that agrees with libyaml's marks, so a position found here and one
/// Yams reports name the same character.
///
/// libyaml counts lines at `\r\n`, `\r`, `\n`, NEL, LS and PS, counts columns in Unicode scalars, and does not
/// count a leading byte order mark; both are 1-based here, as in Yams' `Mark`.
package enum YAMLPosition {
    /// One position: 1-based line and column.
    package struct Point: Hashable {
        package let line: Int
        package let column: Int
    }

    /// The index of the scalar at `point`, or nil when the text has no such position.
    package static func index(of point: Point, in text: String) -> String.UnicodeScalarView.Index? {
        var found: String.UnicodeScalarView.Index?
        walk(text) { index, position in
            guard position == point else { return position.line > point.line }
            found = index
            return true
        }
        return found
    }

    /// Where the first scalar matching `predicate` is, with the scalar.
    package static func first(in text: String, where predicate: (Unicode.Scalar) -> Bool) -> (point: Point, scalar: Unicode.Scalar)? {
        let scalars = text.unicodeScalars
        var found: (Point, Unicode.Scalar)?
        walk(text) { index, position in
            guard predicate(scalars[index]) else { return false }
            found = (position, scalars[index])
            return true
        }
        return found
    }

    /// How many lines libyaml sees: one more than the line breaks.
    package static func lineCount(_ text: String) -> Int {
        var last = 1
        walk(text) { _, position in
            last = position.line
            return false
        }
        let scalars = text.unicodeScalars
        // After a final break there is one more (empty) line, where a mark at the very end lies.
        if let end = scalars.last, "\r\n\u{85}\u{2028}\u{2029}".unicodeScalars.contains(end) { last += 1 }
        return last
    }

    /// Calls `visit` with each scalar's index and position until it returns true.
    private static func walk(_ text: String, _ visit: (String.UnicodeScalarView.Index, Point) -> Bool) {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        if index < scalars.endIndex, scalars[index] == "\u{FEFF}" { index = scalars.index(after: index) }
        var line = 1
        var column = 1
        while index < scalars.endIndex {
            if visit(index, Point(line: line, column: column)) { return }
            let scalar = scalars[index]
            index = scalars.index(after: index)
            switch scalar {
            case "\r":
                if index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
                fallthrough
            case "\n", "\u{85}", "\u{2028}", "\u{2029}":
                line += 1
                column = 1
            default:
                column += 1
            }
        }
    }

    /// What libyaml's reader accepts; anything else stops it with "control characters are not allowed".
    package static func isAllowedInYAML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
