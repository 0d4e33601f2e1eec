import CNcurses
import DashboardModel
import DashboardViews

/// Draws onto the curses screen; text is formatted in Swift and placed with `mvwaddnwstr`.
package struct CursesCanvas: Canvas {
    package let screen: CursesScreen
    package let pairs: ColorPairs
    package let width: Int
    package let height: Int

    package init(screen: CursesScreen, pairs: ColorPairs) {
        self.screen = screen
        self.pairs = pairs
        width = screen.width
        height = screen.height
    }

    package mutating func clear() {
        // werase, not clear: curses then sends only what changed, so nothing flickers.
        werase(screen.window)
    }

    package mutating func put(_ text: String, row: Int, column: Int, style: TextStyle) {
        guard row >= 0, row < height, column < width, column >= 0 else { return }
        let fitted = TextWidth.prefix(text, fitting: width - column)
        guard !fitted.isEmpty else { return }
        // The bottom-right cell cannot be written without scrolling; leave it blank.
        let safe = row == height - 1 && column + TextWidth.of(fitted) >= width ? TextWidth.prefix(fitted, fitting: width - column - 1) : fitted
        var characters = safe.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        characters.append(0)
        wattrset(screen.window, Int32(bitPattern: pairs.attributes(for: style)))
        characters.withUnsafeBufferPointer { buffer in
            _ = ecs_mvwaddnwstr(screen.window, Int32(row), Int32(column), buffer.baseAddress, -1)
        }
    }
}
