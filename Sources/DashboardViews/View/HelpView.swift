import DashboardModel
import Foundation

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
