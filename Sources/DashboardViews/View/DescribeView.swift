import DashboardModel
import Foundation

/// The raw JSON of a service, task or task definition, scrollable and searchable with `/`.
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
        let search = state.describe.search
        if !search.isEmpty {
            let matches = state.describe.lines.filter { $0.localizedCaseInsensitiveContains(search) }.count
            let status = "search “\(search)”: \(matches == 1 ? "1 line" : "\(matches) lines")"
            canvas.put(status, row: layout.titleRow, column: max(0, canvas.width - TextWidth.of(status) - 1), style: TextStyle(role: .header, reverse: true))
        }
        for (offset, line) in state.describe.lines.dropFirst(state.scroll).prefix(layout.bodyHeight).enumerated() {
            let style: TextStyle = !search.isEmpty && line.localizedCaseInsensitiveContains(search) ? TextStyle(role: .warn, bold: true)
                : (line.hasSuffix("{") || line.hasSuffix("[") ? .muted : .text)
            canvas.put(line, row: layout.bodyTop + offset, column: 0, width: canvas.width, style: style)
        }
    }
}
