import DashboardModel

/// The glyphs the screen uses, with ASCII stand-ins for terminals whose locale is not UTF-8.
package struct Symbols: Equatable, Sendable {
    package var arrow: String
    package var dot: String
    package var differs: String
    package var drift: String
    package var ok: String
    package var failed: String
    package var warning: String
    /// After a digest the registry could not confirm just now.
    package var stale: String
    package var separator: String
    package var ellipsis: String
    package var cursor: String
    package var spinner: [String]

    package static let unicode = Symbols(arrow: "→", dot: "●", differs: "◆", drift: "≠", ok: "✓", failed: "✗", warning: "⚠", stale: "⧖", separator: "│",
                                 ellipsis: "…", cursor: "▸", spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"])
    package static let ascii = Symbols(arrow: "->", dot: "*", differs: "+", drift: "~", ok: "ok", failed: "x", warning: "!", stale: "(stale)", separator: "|",
                               ellipsis: "...", cursor: ">", spinner: ["|", "/", "-", "\\"])

    package func spinner(frame: Int) -> String { spinner[frame % spinner.count] }
}
