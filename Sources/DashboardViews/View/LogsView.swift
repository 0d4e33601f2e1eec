import DashboardModel
import Foundation

/// CloudWatch log lines for a service or task, following the tail unless scrolled up.
package struct LogsView {
    package static let timeFormat: DateFormatter = {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter
    }()

    package func draw(_ state: AppState, layout: Layout, into canvas: inout some Canvas) {
        let lines = state.logs.shownLines
        var status = (state.logs.following ? "following" : "paused (G to follow)") + " · since \(Duration.format(state.logsWindow))"
        if !state.logs.filter.isEmpty { status += " · filter “\(state.logs.filter)” \(lines.count)/\(state.logs.lines.count)" }
        if state.logs.loading && state.logs.lines.isEmpty { status = "loading…" }
        canvas.put(status, row: layout.titleRow, column: max(0, canvas.width - TextWidth.of(status) - 1), style: TextStyle(role: .header, reverse: true))
        if let error = state.logs.error {
            canvas.put(error, row: layout.bodyTop, column: 1, width: canvas.width - 1, style: .error)
            return
        }
        if lines.isEmpty && !state.logs.loading {
            canvas.put("no log lines yet", row: layout.bodyTop, column: 1, style: .muted)
            return
        }
        let height = layout.bodyHeight
        let end = state.logs.following ? lines.count : min(lines.count, state.scroll + height)
        let start = max(0, end - height)
        for (offset, line) in lines[start..<end].enumerated() {
            let stream = String(line.stream.split(separator: "/").last?.prefix(8) ?? "")
            let style: TextStyle = line.message.contains("ERROR") ? .error : (line.message.contains("WARN") ? .warn : .text)
            canvas.put("\(Self.timeFormat.string(from: line.timestamp)) \(stream) \(line.message)", row: layout.bodyTop + offset, column: 0, width: canvas.width, style: style)
        }
    }
}
