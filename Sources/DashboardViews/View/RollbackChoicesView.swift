import DashboardModel
import Foundation

/// The rollback chooser: what the environment runs now, then the builds it can go back to, most likely first, with
/// why each is offered; Enter rolls back to the one under the cursor (through the plan, gates and confirmation).
package struct RollbackChoicesView {
    package func draw(_ state: AppState, layout: Layout, into canvas: inout some Canvas) {
        let list = state.rollbackChoices
        var row = layout.bodyTop
        if list.loading {
            canvas.put("reading the builds in ECR…", row: row, column: 1, style: .muted)
            return
        }
        if let error = list.error {
            canvas.put(error, row: row, column: 1, width: canvas.width - 1, style: .error)
            return
        }
        if let current = list.current {
            canvas.put("now: \(current.described(now: state.now))", row: row, column: 1, width: canvas.width - 1, style: .muted)
            row += 2
        }
        guard !list.choices.isEmpty else {
            canvas.put("no other build of this repository to go back to", row: row, column: 1, style: .muted)
            return
        }
        let visible = max(1, layout.bodyTop + layout.bodyHeight - row)
        let start = max(0, list.cursor - visible + 1)
        for (offset, choice) in list.choices[start...].prefix(visible).enumerated() {
            let index = start + offset
            let selected = index == list.cursor
            let text = "\(selected ? "▸" : " ") \(TextWidth.fit(choice.described(now: state.now), 44))  \(choice.notes.joined(separator: "; "))"
            canvas.put(text, row: row + offset, column: 0, width: canvas.width,
                       style: TextStyle(role: choice.ranHere ? .text : .muted, bold: selected, reverse: selected))
        }
    }
}
