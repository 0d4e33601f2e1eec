import CNcurses
import DashboardModel
import DashboardViews
import Foundation

/// The terminal in curses mode: set up with `newterm` (which, unlike `initscr`, fails instead of exiting when
/// there is no terminal) and always restored by `end()`. Only the UI thread touches it.
package final class CursesScreen {
    package struct Unavailable: Error, CustomStringConvertible {
        package var description: String { "cannot start the terminal UI (is TERM set to a known terminal?)" }
    }

    package let window: UnsafeMutablePointer<WINDOW>
    package let unicode: Bool
    package let colors: Int
    private let screen: OpaquePointer
    private var ended = false

    /// The one live screen, so a signal or exit handler can restore the terminal.
    nonisolated(unsafe) static var active: CursesScreen?

    package init(keyTimeoutMilliseconds: Int32 = 100) throws {
        setlocale(LC_ALL, "")
        let codeset = String(cString: ecs_codeset())
        unicode = codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
        guard let screen = newterm(nil, ecs_stdout(), ecs_stdin()) else { throw Unavailable() }
        self.screen = screen
        _ = set_term(screen)
        guard let window = ecs_stdscr() else { throw Unavailable() }
        self.window = window
        raw()
        noecho()
        nonl()
        keypad(window, true)
        _ = curs_set(0)
        _ = set_escdelay(25)
        wtimeout(window, keyTimeoutMilliseconds)
        if has_colors() {
            start_color()
            use_default_colors()
        }
        colors = has_colors() ? Int(ecs_colors()) : 0
        Self.active = self
    }

    package var width: Int { Int(ecs_getmaxx(window)) }
    package var height: Int { Int(ecs_getmaxy(window)) }

    /// Waits up to the key timeout for one key.
    package func readKey() -> Key? {
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if result == ecs_key_code_yes() { return KeyDecoder.function(Int32(character)) }
        if result == ecs_err() { return nil }
        return KeyDecoder.character(UInt32(character))
    }

    /// Pushes the drawn frame to the terminal in one write.
    package func present() {
        wnoutrefresh(window)
        doupdate()
    }

    package func end() {
        guard !ended else { return }
        ended = true
        endwin()
        delscreen(screen)
        if Self.active === self { Self.active = nil }
    }

    deinit { end() }
}
