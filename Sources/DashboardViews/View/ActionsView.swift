import DashboardModel
import Foundation

/// The plans, gates, steps and watch lines of actions, newest at the bottom; keys keep working meanwhile.
package struct ActionsView {
    package func draw(_ state: AppState, layout: Layout, into canvas: inout some Canvas) {
        let lines = state.actionLines
        if lines.isEmpty {
            canvas.put("no actions yet: p promotes the selected cell to the next environment, r rolls back, f restarts, s scales", row: layout.bodyTop, column: 1, style: .muted)
            return
        }
        let end = max(0, lines.count - state.scroll)
        let start = max(0, end - layout.bodyHeight)
        for (offset, line) in lines[start..<end].enumerated() {
            let style: TextStyle
            switch line.kind {
            case .warning: style = .error
            case .gate: style = line.text.hasPrefix("✗") ? .warn : (line.text.hasPrefix("?") ? .muted : .ok)
            case .watch: style = .inProgress
            case .plan: style = .text
            case .step: style = TextStyle(role: .text, bold: true)
            case .info: style = .muted
            }
            canvas.put(line.text, row: layout.bodyTop + offset, column: 1, width: canvas.width - 1, style: style)
        }
    }
}
