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
        var status = state.logs.following ? "following" : "paused (G to follow)"
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

/// Every key binding, generated from the key table.
package struct HelpView {
    package func draw(_ state: AppState, layout: Layout, into canvas: inout some Canvas) {
        var row = layout.bodyTop
        let commands = ":env dev,prod   :env   :theme NAME   :refresh 5s   :scale N   :q"
        for binding in state.keyMap.bindings.dropFirst(state.scroll) {
            guard row < layout.bodyTop + layout.bodyHeight - 2 else { break }
            let keys = binding.keys.map(\.description).joined(separator: " ")
            var help = binding.help
            var style = TextStyle.text
            if binding.dangerous {
                help += state.readOnly ? "  (disabled: read-only)" : "  (changes AWS; shows the plan and asks first)"
                style = state.readOnly ? .muted : .warn
            }
            canvas.put(TextWidth.fit(keys, 18) + help, row: row, column: 2, style: style)
            row += 1
        }
        canvas.put("commands: \(commands)", row: row + 1, column: 2, style: .muted)
    }
}

/// The message or input line, and the keys that apply to the pane in front.
package struct FooterView {
    package func draw(_ state: AppState, layout: Layout, into canvas: inout some Canvas) {
        switch state.input {
        case .filter(let text):
            canvas.put("/\(text)▏", row: layout.messageRow, column: 0, width: canvas.width, style: TextStyle(role: .text, bold: true))
        case .command(let text):
            canvas.put(":\(text)▏", row: layout.messageRow, column: 0, width: canvas.width, style: TextStyle(role: .text, bold: true))
        case .confirm(let text):
            let prompt = state.confirmation?.prompt ?? "confirm: "
            canvas.put("\(prompt)\(text)▏  (esc cancels)", row: layout.messageRow, column: 0, width: canvas.width, style: .warn)
        case .confirmQuit:
            canvas.put(state.message?.text ?? "quit anyway? [y/N]", row: layout.messageRow, column: 0, width: canvas.width, style: .warn)
        case .normal:
            if let message = state.message {
                canvas.put(message.text, row: layout.messageRow, column: 0, width: canvas.width, style: message.isError ? .error : .ok)
            } else if !state.filter.isEmpty, state.pane == .matrix {
                canvas.put("filter: \(state.filter)  (esc clears)", row: layout.messageRow, column: 0, style: .muted)
            }
        }
        var column = 0
        for binding in state.keyMap.bindings where binding.inFooter {
            guard let key = binding.keys.first else { continue }
            if binding.dangerous && state.readOnly { continue }
            let keyText = " \(key.description) "
            let label = "\(binding.help)\(binding.dangerous ? "" : "") "
            guard column + TextWidth.of(keyText) + TextWidth.of(label) < canvas.width else { break }
            canvas.put(keyText, row: layout.footerRow, column: column, style: TextStyle(role: .header, reverse: !binding.dangerous))
            column += TextWidth.of(keyText)
            canvas.put(label, row: layout.footerRow, column: column, style: binding.dangerous ? .muted : .text)
            column += TextWidth.of(label)
        }
    }
}
