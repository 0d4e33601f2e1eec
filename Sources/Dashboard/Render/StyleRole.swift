/// The meaning of a piece of text on screen; themes map each role to colours and attributes.
enum StyleRole: String, CaseIterable, Sendable, Codable {
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
struct TextStyle: Equatable, Hashable, Sendable {
    var role: StyleRole
    var bold = false
    var reverse = false
    var underline = false
    /// For `.accent`: whose accent colour.
    var environment: String?

    static let text = TextStyle(role: .text)
    static let muted = TextStyle(role: .muted)
    static let header = TextStyle(role: .header, bold: true)
    static let border = TextStyle(role: .border)
    static let selection = TextStyle(role: .selection, reverse: true)
    static let ok = TextStyle(role: .ok)
    static let warn = TextStyle(role: .warn, bold: true)
    static let error = TextStyle(role: .error, bold: true)
    static let inProgress = TextStyle(role: .inProgress, bold: true)

    static func accent(_ environment: String, bold: Bool = true) -> TextStyle {
        TextStyle(role: .accent, bold: bold, environment: environment)
    }
}
