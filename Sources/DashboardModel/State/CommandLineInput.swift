import Foundation

/// The `:` command line: `:env dev,prod`, `:env` (all), `:theme NAME`, `:refresh 5s`, `:since 1h`, `:scale N`, `:q`.
package enum CommandLineInput {
    package static func execute(_ text: String, _ state: inout AppState) -> [Effect] {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard let verb = parts.first else { return [] }
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch verb {
        case "q", "quit", "q!":
            state.quitting = true
            return [.quit]
        case "env", "envs":
            let names = argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let unknown = names.filter { !state.environments.contains($0) }
            guard unknown.isEmpty else {
                return fail("unknown environment \(unknown.joined(separator: ", ")); known: \(state.environments.joined(separator: ", "))", &state)
            }
            state.visibleEnvironments = names.isEmpty ? nil : names
            Reducer.clampSelection(&state)
            return note(names.isEmpty ? "showing every environment" : "showing \(names.joined(separator: ", "))", &state)
        case "theme":
            guard !argument.isEmpty else { return fail("usage: :theme NAME", &state) }
            return [.setTheme(argument)]
        case "refresh":
            guard !argument.isEmpty else { return fail("usage: :refresh 5s (at least 1s)", &state) }
            let seconds: TimeInterval
            switch Duration.parse(argument, minimum: 1) {
            case .success(let parsed): seconds = parsed
            case .failure(let problem): return fail(":refresh: \(problem.message(for: argument))", &state)
            }
            state.refresh = seconds
            return [.setRefresh(seconds)] + note("refreshing every \(Duration.format(seconds))", &state)
        case "since":
            guard !argument.isEmpty else { return fail("usage: :since 5m (how far back logs read when they open: 5m, 1h, 24h…)", &state) }
            let seconds: TimeInterval
            switch Duration.parse(argument, minimum: 60) {
            case .success(let parsed): seconds = min(parsed, 14 * 86_400)
            case .failure(let problem): return fail(":since: \(problem.message(for: argument))", &state)
            }
            state.logsWindow = seconds
            let reading = note("logs read from \(Duration.format(seconds)) back", &state)
            guard case .logs(let target) = state.pane else { return reading }
            let filter = state.logs.filter
            state.logs = LogsState(loading: true)
            state.logs.filter = filter
            return [Reducer.firstLogsRead(target, state)] + reading
        case "help":
            return Reducer.perform(.help, &state)
        case "scale":
            return ScaleInput.execute(argument, &state)
        default:
            return fail("unknown command :\(verb) (try :env, :theme, :refresh, :since, :scale, :q)", &state)
        }
    }

    private static func fail(_ text: String, _ state: inout AppState) -> [Effect] {
        state.message = StatusMessage(text: text, isError: true)
        return []
    }

    private static func note(_ text: String, _ state: inout AppState) -> [Effect] {
        state.message = StatusMessage(text: text, isError: false)
        return []
    }
}
