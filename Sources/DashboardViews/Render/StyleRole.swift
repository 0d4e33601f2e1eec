import DashboardModel

/// The meaning of a piece of text on screen; themes map each role to colours and attributes.
package enum StyleRole: String, CaseIterable, Sendable, Codable {
    case text
    case muted
    case header
    case border
    case selection
    case ok
    case warn
    case error
    case inProgress = "in_progress"
    /// An environment's accent colour; the environment is named in `TextStyle.environment`.
    case accent
}

/// How one run of text is drawn: its role plus emphasis; the theme turns this into colours.
package struct TextStyle: Equatable, Hashable, Sendable {
    package var role: StyleRole
    package var bold = false
    package var reverse = false
    package var underline = false
    /// For `.accent`: whose accent colour.
    package var environment: String?

    package static let text = TextStyle(role: .text)
    package static let muted = TextStyle(role: .muted)
    package static let header = TextStyle(role: .header, bold: true)
    package static let border = TextStyle(role: .border)
    package static let selection = TextStyle(role: .selection, reverse: true)
    package static let ok = TextStyle(role: .ok)
    package static let warn = TextStyle(role: .warn, bold: true)
    package static let error = TextStyle(role: .error, bold: true)
    package static let inProgress = TextStyle(role: .inProgress, bold: true)

    package static func accent(_ environment: String, bold: Bool = true) -> TextStyle {
        TextStyle(role: .accent, bold: bold, environment: environment)
    }
}
