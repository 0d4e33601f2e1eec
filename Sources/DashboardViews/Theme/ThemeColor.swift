import DashboardModel

/// A colour in a theme: the terminal's own, a palette index (names are 0–15), or an exact RGB value.
package enum ThemeColor: Hashable, Sendable {
    /// Whatever the terminal uses by default (curses colour -1).
    case terminalDefault
    /// A palette index, 0–255; the colour names are 0–15.
    case indexed(Int)
    /// `#rrggbb`; kept exact so each colour depth can pick its own nearest match.
    case rgb(red: Int, green: Int, blue: Int)

    /// Names in palette order, so a name's position is its index.
    package static let names = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// Reads `default`, a colour name, `0`–`255` or `#rrggbb`; nil when it is none of those.
    package init?(parsing text: String) {
        let text = text.lowercased()
        if text == "default" {
            self = .terminalDefault
        } else if let index = Self.names.firstIndex(of: text) {
            self = .indexed(index)
        } else if let index = Int(text), (0...255).contains(index) {
            self = .indexed(index)
        } else if let rgb = Self.hex(text) {
            self = .rgb(red: rgb.red, green: rgb.green, blue: rgb.blue)
        } else {
            return nil
        }
    }

    private static func hex(_ text: String) -> XtermPalette.RGB? {
        guard text.hasPrefix("#"), text.count == 7, let value = Int(text.dropFirst(), radix: 16) else { return nil }
        return ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)
    }

    /// The curses colour number to use on a terminal with `colors` colours (`COLORS`): -1 for the
    /// terminal's default, and also when the terminal has fewer than 8 colours (draw without colour).
    package func cursesNumber(colors: Int) -> Int {
        switch self {
        case .terminalDefault:
            return -1
        case .indexed(let index):
            let index = min(max(index, 0), 255)
            if colors >= 256 { return index }
            if colors >= 16 { return index < 16 ? index : XtermPalette.nearest16(XtermPalette.rgb(ofIndex: index)) }
            if colors >= 8 { return Self.eightColor(index) }
            return -1
        case .rgb(let red, let green, let blue):
            let rgb = (red, green, blue)
            if colors >= 256 { return XtermPalette.nearest256(rgb) }
            if colors >= 16 { return XtermPalette.nearest16(rgb) }
            if colors >= 8 { return XtermPalette.nearest8(rgb) }
            return -1
        }
    }

    /// With 8 colours the bright variants fall back to their base (the user's palette keeps their hue),
    /// and cube and grey indices go to the nearest basic colour.
    private static func eightColor(_ index: Int) -> Int {
        switch index {
        case 0..<8: return index
        case 8..<16: return index - 8
        default: return XtermPalette.nearest8(XtermPalette.rgb(ofIndex: index))
        }
    }

    /// How the colour is written in a theme file.
    package var text: String {
        switch self {
        case .terminalDefault:
            return "default"
        case .indexed(let index):
            return Self.names.indices.contains(index) ? Self.names[index] : String(index)
        case .rgb(let red, let green, let blue):
            return "#" + [red, green, blue].map { channel in
                let digits = String(channel, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }.joined()
        }
    }
}
