import DashboardModel
import Foundation

/// The raw JSON of a service, task or task definition, scrollable.
package struct DescribeView {
    package func draw(_ state: AppState, layout: Layout, into canvas: inout some Canvas) {
        if state.describe.loading {
            canvas.put("loading…", row: layout.bodyTop, column: 1, style: .muted)
            return
        }
        if let error = state.describe.error {
            canvas.put(error, row: layout.bodyTop, column: 1, width: canvas.width - 1, style: .error)
            return
        }
        for (offset, line) in state.describe.lines.dropFirst(state.scroll).prefix(layout.bodyHeight).enumerated() {
            canvas.put(line, row: layout.bodyTop + offset, column: 0, width: canvas.width, style: line.hasSuffix("{") || line.hasSuffix("[") ? .muted : .text)
        }
    }
}
