import DashboardModel

/// Something text can be drawn onto: the curses screen, or an in-memory grid in tests.
package protocol Canvas {
    var width: Int { get }
    var height: Int { get }
    /// Draws `text` from (row, column), clipped at the right edge; wide characters take two columns.
    mutating func put(_ text: String, row: Int, column: Int, style: TextStyle)
    /// Clears the whole canvas to spaces in the text style.
    mutating func clear()
}

extension Canvas {
    /// Draws `text` padded or truncated to exactly `width` columns.
    package mutating func put(_ text: String, row: Int, column: Int, width: Int, style: TextStyle) {
        put(TextWidth.fit(text, width), row: row, column: column, style: style)
    }
}
