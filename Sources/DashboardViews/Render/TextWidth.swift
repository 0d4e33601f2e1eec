import DashboardModel

/// Terminal column widths in pure Swift, so layout and golden tests do not depend on the C locale:
/// combining marks and zero-width characters take 0 columns, East Asian wide characters and emoji take 2.
package enum TextWidth {
    package static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 { return 0 }
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if value == 0x200B || (0xFE00...0xFE0F).contains(value) { return 0 }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    package static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// The longest prefix of `text` that fits in `columns`, by whole characters.
    package static func prefix(_ text: String, fitting columns: Int) -> String {
        var used = 0
        var result = ""
        for character in text {
            let width = character.unicodeScalars.reduce(0) { $0 + of($1) }
            if used + width > columns { break }
            used += width
            result.append(character)
        }
        return result
    }

    /// Truncates with `…` when too long, pads with spaces when short: exactly `columns` wide.
    package static func fit(_ text: String, _ columns: Int, ellipsis: Bool = true) -> String {
        guard columns > 0 else { return "" }
        let width = of(text)
        if width <= columns { return text + String(repeating: " ", count: columns - width) }
        let cut = ellipsis ? prefix(text, fitting: columns - 1) + "…" : prefix(text, fitting: columns)
        return cut + String(repeating: " ", count: max(0, columns - of(cut)))
    }

    private static func isWide(_ value: UInt32) -> Bool {
        (0x1100...0x115F).contains(value) || (0x2E80...0x303E).contains(value) || (0x3041...0x33FF).contains(value)
            || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xA000...0xA4CF).contains(value)
            || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
            || (0xFF00...0xFF60).contains(value) || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1F64F).contains(value)
            || (0x1F900...0x1F9FF).contains(value) || (0x20000...0x3FFFD).contains(value)
    }
}
