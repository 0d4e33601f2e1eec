import CNcurses
import DashboardModel
import DashboardViews

/// Maps theme styles to curses attributes, allocating colour pairs as they are first needed.
package final class ColorPairs {
    private let theme: Theme
    private let colors: Int
    private var pairs: [ThemeStyle: attr_t] = [:]
    private var nextPair: Int16 = 1

    package init(theme: Theme, colors: Int) {
        self.theme = theme
        self.colors = colors
    }

    package func attributes(for style: TextStyle) -> attr_t {
        let resolved = theme.style(for: style)
        if let cached = pairs[resolved] { return cached }
        var attributes = ecs_a_normal()
        if resolved.bold { attributes |= ecs_a_bold() }
        if resolved.underline { attributes |= ecs_a_underline() }
        if resolved.reverse { attributes |= ecs_a_reverse() }
        if resolved.dim { attributes |= ecs_a_dim() }
        if colors > 0, !theme.monochrome, Int(nextPair) < Int(ecs_color_pairs()) {
            let foreground = Int16(resolved.foreground.cursesNumber(colors: colors))
            let background = Int16(resolved.background.cursesNumber(colors: colors))
            if foreground >= 0 || background >= 0 {
                init_pair(nextPair, foreground, background)
                attributes |= ecs_color_pair(nextPair)
                nextPair += 1
            }
        }
        pairs[resolved] = attributes
        return attributes
    }
}
