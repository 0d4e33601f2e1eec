import DashboardModel

/// How one role is drawn: foreground and background colours plus attributes.
package struct ThemeStyle: Hashable, Sendable {
    package var foreground: ThemeColor = .terminalDefault
    /// `.terminalDefault` leaves the terminal's own background showing.
    package var background: ThemeColor = .terminalDefault
    package var bold = false
    package var underline = false
    package var reverse = false
    package var dim = false

    /// The same attributes with both colours set to the terminal's own, for monochrome themes.
    package var withoutColor: ThemeStyle {
        var style = self
        style.foreground = .terminalDefault
        style.background = .terminalDefault
        return style
    }

    /// Adds the emphasis a `TextStyle` asks for; it can only add, so a theme never hides it.
    package func emphasised(by textStyle: TextStyle) -> ThemeStyle {
        var style = self
        style.bold = style.bold || textStyle.bold
        style.reverse = style.reverse || textStyle.reverse
        style.underline = style.underline || textStyle.underline
        return style
    }
}
