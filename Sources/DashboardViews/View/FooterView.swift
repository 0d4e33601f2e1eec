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
