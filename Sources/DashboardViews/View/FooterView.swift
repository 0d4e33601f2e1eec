import DashboardModel
import Foundation

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
        // `? help` and `q quit` always show: the others fill what is left, in the key table's order.
        let shown = state.keyMap.bindings.filter { $0.inFooter && !$0.keys.isEmpty && !($0.dangerous && state.readOnly) }
        let essentials = shown.filter { $0.command == .help || $0.command == .quit }
        let reserved = essentials.reduce(0) { $0 + Self.width(of: $1) }
        var others: [KeyBinding] = []
        var used = reserved
        for binding in shown where !essentials.contains(binding) {
            guard used + Self.width(of: binding) < canvas.width else { break }
            others.append(binding)
            used += Self.width(of: binding)
        }
        var column = 0
        for binding in others + essentials {
            let keyText = " \(binding.keys[0].description) "
            let label = "\(binding.help) "
            guard column + TextWidth.of(keyText) + TextWidth.of(label) <= canvas.width else { break }
            canvas.put(keyText, row: layout.footerRow, column: column, style: TextStyle(role: .header, reverse: !binding.dangerous))
            column += TextWidth.of(keyText)
            canvas.put(label, row: layout.footerRow, column: column, style: binding.dangerous ? .muted : .text)
            column += TextWidth.of(label)
        }
    }

    private static func width(of binding: KeyBinding) -> Int {
        TextWidth.of(" \(binding.keys.first?.description ?? "") ") + TextWidth.of("\(binding.help) ")
    }
}
