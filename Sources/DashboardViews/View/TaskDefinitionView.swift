import DashboardModel
import Foundation

/// A service's task definition as readable lines, or its diff against the environment before; scrollable, searchable.
package struct TaskDefinitionView {
    package func draw(_ state: AppState, target: TaskDefinitionTarget, layout: Layout, into canvas: inout some Canvas) {
        let pane = state.taskDefinition
        let lines = pane.lines(target, now: state.now)
        let status = Self.status(pane, target: target, shown: lines.count)
        canvas.put(status, row: layout.titleRow, column: max(0, canvas.width - TextWidth.of(status) - 1), style: TextStyle(role: .header, reverse: true))
        if pane.loading {
            canvas.put("loading…", row: layout.bodyTop, column: 1, style: .muted)
            return
        }
        if let error = pane.load.error {
            canvas.put(error, row: layout.bodyTop, column: 1, width: canvas.width - 1, style: .error)
            return
        }
        if lines.isEmpty {
            canvas.put(pane.search.isEmpty ? "nothing to show" : "no line matches “\(pane.search)”", row: layout.bodyTop, column: 1, style: .muted)
            return
        }
        for (offset, line) in lines.dropFirst(state.scroll).prefix(layout.bodyHeight).enumerated() {
            canvas.put(line.text, row: layout.bodyTop + offset, column: 1, width: canvas.width - 1, style: Self.style(line.style))
        }
    }

    /// What the title bar says on the right: which view, how to switch, and the search.
    static func status(_ pane: TaskDefinitionState, target: TaskDefinitionTarget, shown: Int) -> String {
        var text: String
        if let baseline = target.baseline {
            text = pane.showingDiff ? "diff \(baseline.environment) → \(target.environment) · D summary" : "summary · D diff vs \(baseline.environment)"
        } else {
            text = "summary"
        }
        if !pane.search.isEmpty { text += " · search “\(pane.search)” \(shown)" }
        return text
    }

    static func style(_ style: TaskDefinitionReport.Line.Style) -> TextStyle {
        switch style {
        case .heading: .header
        case .text: .text
        case .muted: .muted
        case .promotion: .inProgress
        case .perEnvironment: .warn
        }
    }
}
