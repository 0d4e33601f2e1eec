import DashboardModel
import Foundation

/// Every key binding, generated from the key table, then the commands and what each mark on the screen means.
package struct HelpView {
    package var symbols: Symbols = .unicode

    package init(symbols: Symbols = .unicode) {
        self.symbols = symbols
    }

    package func draw(_ state: AppState, layout: Layout, into canvas: inout some Canvas) {
        var row = layout.bodyTop
        for (text, style) in lines(state).dropFirst(state.scroll) {
            guard row < layout.bodyTop + layout.bodyHeight - 1 else { break }
            canvas.put(text, row: row, column: 2, style: style)
            row += 1
        }
    }

    /// The whole help text, line by line, so scrolling reaches the legend too.
    package func lines(_ state: AppState) -> [(String, TextStyle)] {
        var lines: [(String, TextStyle)] = state.keyMap.bindings.map { binding in
            let keys = binding.keys.map(\.description).joined(separator: " ")
            var help = binding.help
            var style = TextStyle.text
            if binding.dangerous {
                help += state.readOnly ? "  (disabled: read-only)" : "  (changes AWS; shows the plan and asks first)"
                style = state.readOnly ? .muted : .warn
            }
            return (TextWidth.fit(keys, 18) + help, style)
        }
        lines.append(("", .text))
        lines.append(("commands: :env dev,prod   :env   :theme NAME   :refresh 5s   :since 1h   :scale N   :q", .muted))
        lines.append(("", .text))
        lines += legend.map { ($0, .muted) }
        return lines
    }

    /// What the marks in the matrix mean; `ecsdash status` prints the same ones.
    package var legend: [String] {
        [
            "marks: tag\(symbols.arrow)digest the env tag and the digest it points at in ECR; running/desired +pending",
            "  \(symbols.differs) image differs from the environment before   \(symbols.drift) tag moved, tasks still run another digest",
            "  \(symbols.stale) could not be read just now (last value shown)   !n unhealthy tasks",
            "  \(symbols.ok) steady   \(symbols.spinner(frame: 0)) rolling   \(symbols.warning) degraded   \(symbols.failed) failed",
            "  rolled back 3m, failed 12m, 2 crashes (OOM) 7m, stuck 14m: trouble in the last hour (! finds it)",
        ]
    }
}
