/// A key press, decoded from curses into something the key table can name.
package enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    case control(Character)
    case up, down, left, right
    case enter, escape, tab, backTab, backspace
    case pageUp, pageDown, home, end
    case resize

    /// Parses a key as written in the config's `keys:` section: `j`, `G`, `ctrl-r`, `enter`, `pgdn`, `f5`-less names.
    package init?(name: String) {
        let lowered = name.lowercased()
        let named: [String: Key] = [
            "up": .up, "down": .down, "left": .left, "right": .right, "enter": .enter, "return": .enter,
            "esc": .escape, "escape": .escape, "tab": .tab, "backtab": .backTab, "shift-tab": .backTab,
            "backspace": .backspace, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
            "home": .home, "end": .end, "space": .character(" "),
        ]
        if let key = named[lowered] {
            self = key
        } else if lowered.hasPrefix("ctrl-"), lowered.count == 6, let character = lowered.last {
            self = .control(character)
        } else if name.count == 1, let character = name.first {
            self = .character(character)
        } else {
            return nil
        }
    }

    package var description: String {
        switch self {
        case .character(" "): return "space"
        case .character(let character): return String(character)
        case .control(let character): return "ctrl-\(character)"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .enter: return "enter"
        case .escape: return "esc"
        case .tab: return "tab"
        case .backTab: return "shift-tab"
        case .backspace: return "backspace"
        case .pageUp: return "pgup"
        case .pageDown: return "pgdn"
        case .home: return "home"
        case .end: return "end"
        case .resize: return "resize"
        }
    }
}
