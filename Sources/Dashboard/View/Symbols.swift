/// The glyphs the screen uses, with ASCII stand-ins for terminals whose locale is not UTF-8.
struct Symbols: Equatable, Sendable {
    var arrow: String
    var dot: String
    var differs: String
    var drift: String
    var ok: String
    var failed: String
    var warning: String
    /// After a digest the registry could not confirm just now.
    var stale: String
    var separator: String
    var ellipsis: String
    var cursor: String
    var spinner: [String]

    static let unicode = Symbols(arrow: "→", dot: "●", differs: "◆", drift: "≠", ok: "✓", failed: "✗", warning: "⚠", stale: "⧖", separator: "│",
                                 ellipsis: "…", cursor: "▸", spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"])
    static let ascii = Symbols(arrow: "->", dot: "*", differs: "+", drift: "~", ok: "ok", failed: "x", warning: "!", stale: "(stale)", separator: "|",
                               ellipsis: "...", cursor: ">", spinner: ["|", "/", "-", "\\"])

    func spinner(frame: Int) -> String { spinner[frame % spinner.count] }
}
