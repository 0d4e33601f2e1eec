import DashboardModel

/// A named colour scheme: a style for every role, an accent per environment, and whether colour is used at all.
package struct Theme: Equatable, Sendable {
    package var name: String
    package var description = ""
    /// Every role except `.accent`, whose styles live in `accents` and `defaultAccent`.
    package var roles: [StyleRole: ThemeStyle] = [:]
    /// Accents by environment name (matched ignoring case).
    package var accents: [String: ThemeStyle] = [:]
    /// The accent for environments the theme does not name.
    package var defaultAccent = ThemeStyle()
    /// No colours at all (bold, reverse, underline and dim only); `NO_COLOR` selects such a theme.
    package var monochrome = false

    /// The roles a theme file styles under `roles:`.
    package static let styledRoles = StyleRole.allCases.filter { $0 != .accent }

    /// The style of a role, plain when the theme leaves it out.
    package func style(of role: StyleRole) -> ThemeStyle {
        roles[role] ?? ThemeStyle()
    }

    /// The accent of one environment, or `defaultAccent` when the theme does not name it.
    package func accent(for environment: String?) -> ThemeStyle {
        guard let environment else { return defaultAccent }
        if let exact = accents[environment] { return exact }
        let lowered = environment.lowercased()
        return accents.first { $0.key.lowercased() == lowered }?.value ?? defaultAccent
    }

    /// What to draw a run of text with: the role's (or environment's accent) style with the text's own
    /// emphasis added, and colours dropped when the theme is monochrome.
    package func style(for textStyle: TextStyle) -> ThemeStyle {
        let base = textStyle.role == .accent ? accent(for: textStyle.environment) : style(of: textStyle.role)
        let style = base.emphasised(by: textStyle)
        return monochrome ? style.withoutColor : style
    }
}
