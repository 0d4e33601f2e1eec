import Foundation

extension Reducer {
    /// Moves the matrix cursor to the next cell, in reading order after the current one and wrapping, whose service
    /// had trouble in the problem window; says so when there is none.
    static func jumpToNextProblem(_ state: inout AppState) {
        guard state.pane == .matrix else { return }
        let services = state.shownServices
        let environments = state.shownEnvironments
        guard !services.isEmpty, !environments.isEmpty else { return }
        let cells = services.indices.flatMap { row in environments.indices.map { (row, $0) } }
        let current = cells.firstIndex { $0 == (state.row, state.column) } ?? -1
        for step in 1...cells.count {
            let (row, column) = cells[(current + step + cells.count) % cells.count]
            if !state.fleet.problems(services[row], in: environments[column], now: state.now).isEmpty {
                state.row = row
                state.column = column
                return
            }
        }
        let window = Age.format(state.fleet.problems.rules.window)
        state.message = StatusMessage(text: "no problems in the last \(window)", isError: false)
    }
}
