import DashboardModel

/// The themes compiled in, so the dashboard starts even with no theme files installed. `themes/default.yaml`
/// and `themes/mono.yaml` spell out the same values (a test keeps them equal) as a starting point to copy.
extension Theme {
    /// For dark terminals; every theme file overlays this unless it is monochrome.
    package static let `default` = Theme(
        name: "default",
        description: "For dark terminals.",
        roles: [
            .text: ThemeStyle(),
            .muted: ThemeStyle(foreground: .indexed(246)),
            .header: ThemeStyle(foreground: .indexed(15), background: .indexed(24), bold: true),
            .border: ThemeStyle(foreground: .indexed(243)),
            .selection: ThemeStyle(foreground: .indexed(0), background: .indexed(110), bold: true),
            .ok: ThemeStyle(foreground: .indexed(2)),
            .warn: ThemeStyle(foreground: .rgb(red: 0xFF, green: 0xAF, blue: 0x00), bold: true),
            .error: ThemeStyle(foreground: .indexed(9), bold: true),
            .inProgress: ThemeStyle(foreground: .rgb(red: 0x00, green: 0xAF, blue: 0xFF), bold: true),
        ],
        accents: [
            "dev": ThemeStyle(foreground: .indexed(2)),
            "sit": ThemeStyle(foreground: .rgb(red: 0x5F, green: 0xAF, blue: 0xFF)),
            "uat": ThemeStyle(foreground: .indexed(5)),
            // Production is white on red everywhere, so nobody mistakes it for another environment.
            "prod": ThemeStyle(foreground: .indexed(15), background: .indexed(1), bold: true),
        ],
        defaultAccent: ThemeStyle(foreground: .indexed(6), bold: true)
    )

    /// No colour at all; what `NO_COLOR` selects, and the base that monochrome theme files overlay.
    package static let mono = Theme(
        name: "mono",
        description: "No colour: bold, reverse, underline and dim only.",
        roles: [
            .text: ThemeStyle(),
            .muted: ThemeStyle(dim: true),
            .header: ThemeStyle(bold: true, underline: true),
            .border: ThemeStyle(dim: true),
            .selection: ThemeStyle(reverse: true),
            .ok: ThemeStyle(),
            .warn: ThemeStyle(bold: true),
            .error: ThemeStyle(bold: true, reverse: true),
            .inProgress: ThemeStyle(underline: true),
        ],
        accents: [
            "prod": ThemeStyle(bold: true, underline: true, reverse: true),
        ],
        defaultAccent: ThemeStyle(bold: true),
        monochrome: true
    )

    /// The compiled-in theme with this name, if any.
    package static func builtIn(named name: String) -> Theme? {
        [Theme.default, Theme.mono].first { $0.name == name }
    }
}
