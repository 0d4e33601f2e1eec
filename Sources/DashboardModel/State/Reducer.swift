import Foundation

/// The one place state changes: applies an event and returns the effects to run. Pure and synchronous.
package enum Reducer {
    package static func reduce(_ state: inout AppState, _ event: AppEvent) -> [Effect] {
        switch event {
        case .fleet(let fleetEvent):
            state.fleet.apply(fleetEvent)
            clampSelection(&state)
            return []
        case .tick(let now):
            state.now = now
            state.frame &+= 1
            if case .logs(let target) = state.pane, state.logs.following, !state.logs.loading, state.frame % 8 == 0 {
                state.logs.loading = true
                return [.loadLogs(target, since: state.logs.lastTimestamp)]
            }
            return []
        case .logsLoaded(let target, let lines, let error):
            guard case .logs(let shown) = state.pane, shown == target else { return [] }
            state.logs.loading = false
            state.logs.error = error
            if !lines.isEmpty {
                state.logs.lines.append(contentsOf: lines)
                if state.logs.lines.count > LogsState.limit { state.logs.lines.removeFirst(state.logs.lines.count - LogsState.limit) }
                state.logs.lastTimestamp = lines.map { Int64($0.timestamp.timeIntervalSince1970 * 1000) }.max()
            }
            return []
        case .describeLoaded(let target, let text, let error):
            guard case .describe(let shown) = state.pane, shown == target else { return [] }
            state.describe = DescribeState(lines: text.map { $0.components(separatedBy: "\n") } ?? [], loading: false, error: error)
            return []
        case .taskDefinitionLoaded(let target, let load):
            guard case .taskDefinition(let shown) = state.pane, shown == target else { return [] }
            state.taskDefinition.load = load
            state.taskDefinition.loading = false
            return []
        case .message(let text, let isError):
            state.message = StatusMessage(text: text, isError: isError)
            return []
        case .actionStarted(let key, let summary):
            state.runningActions[key] = summary
            return []
        case .actionProgress(let line):
            state.actionLines.append(contentsOf: line.text.split(separator: "\n", omittingEmptySubsequences: false).map {
                ActionProgress(kind: line.kind, text: String($0))
            })
            if state.actionLines.count > 500 { state.actionLines.removeFirst(state.actionLines.count - 500) }
            return []
        case .actionFinished(let key, let outcome):
            state.runningActions[key] = nil
            state.actionLines.append(ActionProgress(kind: outcome.exitCode == ActionOutcome.success ? .info : .warning, text: outcome.message))
            state.message = StatusMessage(text: outcome.message, isError: outcome.exitCode != ActionOutcome.success)
            return [.refresh(environment: nil)]
        case .confirmationRequested(let question):
            state.confirmation = question
            state.input = .confirm("")
            if state.pane != .actions { push(.actions, &state) }
            return []
        case .rollbackChoicesLoaded(let environment, let service, let current, let choices, let error):
            guard state.pane == .rollbackChoices(environment: environment, service: service) else { return [] }
            state.rollbackChoices = RollbackChoicesState(loading: false, current: current, choices: choices, error: error)
            return []
        case .credentialsChecked(let environment, let expiresAt, let checkedAt):
            if let expiresAt, expiresAt.timeIntervalSince(checkedAt) <= AppState.credentialWarningMargin {
                state.expiringCredentials.insert(environment)
            } else {
                state.expiringCredentials.remove(environment)
            }
            return []
        case .key(let key):
            return handle(key, &state)
        case .screenResized(let rows):
            state.pageSize = max(1, rows)
            return []
        }
    }

    // MARK: keys

    private static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        if key == .resize { return [] }
        switch state.input {
        case .filter(let text):
            return editFilter(key, text, &state)
        case .command(let text):
            return editCommand(key, text, &state)
        case .confirm(let text):
            return editConfirmation(key, text, &state)
        case .confirmQuit:
            state.input = .normal
            guard key == .character("y") || key == .character("Y") else {
                state.message = StatusMessage(text: "not quitting; the action keeps watching", isError: false)
                return []
            }
            state.quitting = true
            return [.quit]
        case .normal:
            state.message = nil
            guard let command = state.keyMap.command(for: key) else { return [] }
            return perform(command, &state)
        }
    }

    private static func editFilter(_ key: Key, _ text: String, _ state: inout AppState) -> [Effect] {
        var text = text
        switch key {
        case .escape:
            setFilter("", &state)
            state.input = .normal
            return []
        case .enter:
            state.input = .normal
            return []
        case .backspace:
            if !text.isEmpty { text.removeLast() }
        case .character(let character):
            text.append(character)
        default:
            return []
        }
        state.input = .filter(text)
        setFilter(text, &state)
        return []
    }

    private static func setFilter(_ text: String, _ state: inout AppState) {
        if case .logs(let target) = state.pane {
            state.logs.filter = text
            state.logFilters[target.filterKey] = text.isEmpty ? nil : text
        } else if case .describe = state.pane {
            state.describe.search = text
            if !text.isEmpty, let first = state.describe.lines.firstIndex(where: { $0.localizedCaseInsensitiveContains(text) }) {
                state.scroll = max(0, min(first - 2, state.describe.lines.count - state.pageSize))
            }
        } else if case .taskDefinition = state.pane {
            state.taskDefinition.search = text
            state.scroll = 0
        } else {
            state.filter = text
            state.row = 0
            state.scroll = 0
        }
    }

    private static func editCommand(_ key: Key, _ text: String, _ state: inout AppState) -> [Effect] {
        var text = text
        switch key {
        case .escape:
            state.input = .normal
            return []
        case .enter:
            state.input = .normal
            return CommandLineInput.execute(text, &state)
        case .backspace:
            if text.isEmpty {
                state.input = .normal
                return []
            }
            text.removeLast()
        case .character(let character):
            text.append(character)
        default:
            return []
        }
        state.input = .command(text)
        return []
    }

    /// Typing an action's confirmation; Esc or ctrl-c answers "no".
    private static func editConfirmation(_ key: Key, _ text: String, _ state: inout AppState) -> [Effect] {
        guard let question = state.confirmation else {
            state.input = .normal
            return []
        }
        var text = text
        switch key {
        case .escape, .control("c"):
            state.confirmation = nil
            state.input = .normal
            return [.answerConfirmation(id: question.id, answer: nil)]
        case .enter:
            state.confirmation = nil
            state.input = .normal
            return [.answerConfirmation(id: question.id, answer: text)]
        case .backspace:
            if !text.isEmpty { text.removeLast() }
        case .character(let character):
            text.append(character)
        default:
            return []
        }
        state.input = .confirm(text)
        return []
    }

    package static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .up: move(-1, &state)
        case .down: move(1, &state)
        case .pageUp: move(-pageStep(state), &state)
        case .pageDown: move(pageStep(state), &state)
        case .top: move(-1_000_000, &state)
        case .bottom: move(1_000_000, &state)
        case .left, .right:
            if state.pane == .matrix {
                state.column = max(0, min(state.shownEnvironments.count - 1, state.column + (command == .left ? -1 : 1)))
            }
        case .open: return open(&state)
        case .nextProblem: jumpToNextProblem(&state)
        case .sortTasks:
            guard case .service = state.pane else { return [] }
            state.taskOrder = state.taskOrder.next
            state.serviceCursor = 0
            state.message = StatusMessage(text: "tasks ordered: \(state.taskOrder.rawValue)", isError: false)
        case .toggleEvents:
            guard case .service = state.pane else { return [] }
            state.showAllEvents.toggle()
            state.scroll = 0
        case .toggleStopped:
            state.showStoppedTasks.toggle()
            state.serviceCursor = 0
            state.message = StatusMessage(text: state.showStoppedTasks ? "stopped tasks shown" : "stopped tasks hidden", isError: false)
        case .back: back(&state)
        case .nextPane: return nextPane(&state)
        case .filter:
            let current: String
            switch state.pane {
            case .logs: current = state.logs.filter
            case .describe: current = state.describe.search
            case .taskDefinition: current = state.taskDefinition.search
            default: current = state.filter
            }
            state.input = .filter(current)
        case .commandLine: state.input = .command("")
        case .refresh:
            state.message = StatusMessage(text: "refreshing…", isError: false)
            return [.refresh(environment: nil)]
        case .logs: return openLogs(&state)
        case .describe: return openDescribe(&state)
        case .taskDefinition: return openTaskDefinition(diff: false, &state)
        case .taskDefinitionDiff: return openTaskDefinition(diff: true, &state)
        case .help: push(.help, &state)
        case .quit:
            // An action still watching would be cut off: ask first (ECS carries on either way).
            if let watching = state.runningActions.keys.sorted().first {
                state.input = .confirmQuit
                state.message = StatusMessage(text: "an action is still watching \(watching) — quit anyway? (ECS carries on) [y/N]", isError: true)
                return []
            }
            state.quitting = true
            return [.quit]
        case .actions:
            if state.pane != .actions { push(.actions, &state) }
        case .promote, .rollback, .restart:
            return requestAction(command, &state)
        case .scale:
            return ScaleInput.begin(&state)
        }
        return []
    }

    /// p / r / f on a cell: the dispatcher plans, checks gates and asks before it changes anything.
    private static func requestAction(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard !state.readOnly else {
            state.message = StatusMessage(text: "read-only mode: \(command.rawValue) is disabled", isError: true)
            return []
        }
        guard let focus = focus(state), state.fleet.service(focus.service, in: focus.environment) != nil else {
            state.message = StatusMessage(text: "select a service in an environment first", isError: true)
            return []
        }
        let kind: ActionKind
        switch command {
        case .promote:
            guard let index = state.environments.firstIndex(of: focus.environment), index + 1 < state.environments.count else {
                state.message = StatusMessage(text: "\(focus.environment) is the last environment: there is nothing to promote to", isError: true)
                return []
            }
            kind = .promote(from: focus.environment, to: state.environments[index + 1])
        case .rollback:
            guard !refusedAsReadOnly(focus.environment, &state) else { return [] }
            // First the builds to choose from; the rollback starts from the chooser.
            state.rollbackChoices = RollbackChoicesState(loading: true)
            push(.rollbackChoices(environment: focus.environment, service: focus.service), &state)
            return [.loadRollbackChoices(environment: focus.environment, service: focus.service)]
        default: kind = .restart(environment: focus.environment)
        }
        return start(ActionRequest(service: focus.service, kind: kind, interactive: true, offersOverride: true), &state)
    }

    /// Hands a request to the dispatcher, unless its service is busy or its environment read-only; shows the Actions pane.
    package static func start(_ request: ActionRequest, _ state: inout AppState) -> [Effect] {
        guard !refusedAsReadOnly(request.targetEnvironment, &state) else { return [] }
        if let running = state.runningActions[request.lockKey] {
            state.message = StatusMessage(text: "\(request.lockKey) is busy: \(running)", isError: true)
            return []
        }
        state.runningActions[request.lockKey] = request.summary
        state.actionLines.append(ActionProgress(kind: .info, text: "── \(request.summary)"))
        if case .rollbackChoices = state.pane { state.panes.removeLast() }
        push(.actions, &state)
        return [.runAction(request)]
    }

    private static func refusedAsReadOnly(_ environment: String, _ state: inout AppState) -> Bool {
        guard state.readOnlyEnvironments.contains(environment) else { return false }
        state.message = StatusMessage(text: "read-only: \(environment) has read_only: true in the config", isError: true)
        return true
    }

    /// Help's lines after the key table: commands and the legend of marks.
    static let helpExtraLines = 10

    /// A full page where the pane scrolls by lines; the matrix (two lines a service) and the task list move by half.
    static func pageStep(_ state: AppState) -> Int {
        switch state.pane {
        case .matrix: max(1, state.pageSize / 2 - 1)
        case .service: max(1, state.pageSize / 2)
        default: max(1, state.pageSize - 1)
        }
    }

    private static func move(_ delta: Int, _ state: inout AppState) {
        switch state.pane {
        case .matrix:
            state.row = max(0, min(state.shownServices.count - 1, state.row + delta))
        case .service(let environment, let service) where state.showAllEvents:
            // Reading events: the view scrolls by lines; the bound is generous, the view stops at its last line.
            let events = state.fleet.service(service, in: environment)?.events.count ?? 0
            state.scroll = max(0, min(events + 20, state.scroll + delta))
        case .service(let environment, let service):
            let count = state.fleet.service(service, in: environment)?.listedTasks(showStopped: state.showStoppedTasks, order: state.taskOrder).count ?? 0
            state.serviceCursor = max(0, min(count - 1, state.serviceCursor + delta))
        case .logs:
            state.logs.following = delta > 0 && state.scroll + delta >= state.logs.shownLines.count
            state.scroll = max(0, min(max(0, state.logs.shownLines.count - 1), state.scroll + delta))
        case .describe:
            // The last page, not the last line alone (G once showed only the closing brace).
            state.scroll = max(0, min(max(0, state.describe.lines.count - state.pageSize), state.scroll + delta))
        case .taskDefinition(let target):
            let count = state.taskDefinition.lines(target, now: state.now).count
            state.scroll = max(0, min(max(0, count - state.pageSize), state.scroll + delta))
        case .help:
            state.scroll = max(0, min(max(0, state.keyMap.bindings.count + helpExtraLines - state.pageSize), state.scroll + delta))
        case .actions:
            state.scroll = max(0, min(max(0, state.actionLines.count - 1), state.scroll + delta))
        case .rollbackChoices:
            state.rollbackChoices.cursor = max(0, min(state.rollbackChoices.choices.count - 1, state.rollbackChoices.cursor + delta))
        }
    }

    private static func open(_ state: inout AppState) -> [Effect] {
        switch state.pane {
        case .matrix:
            guard let service = state.selectedService, let environment = state.selectedEnvironment,
                  state.fleet.service(service, in: environment) != nil else {
                state.message = StatusMessage(text: "nothing here to open", isError: true)
                return []
            }
            state.serviceCursor = 0
            push(.service(environment: environment, service: service), &state)
            return []
        case .service:
            return openLogs(&state)
        case .rollbackChoices(let environment, let service):
            let choices = state.rollbackChoices
            guard choices.choices.indices.contains(choices.cursor) else {
                state.message = StatusMessage(text: choices.loading ? "still reading the builds…" : "no build to go back to", isError: true)
                return []
            }
            let target = RollbackTarget.digest(choices.choices[choices.cursor].digest)
            return start(ActionRequest(service: service, kind: .rollback(environment: environment, target: target), interactive: true,
                                       offersOverride: true), &state)
        default:
            return []
        }
    }

    private static func back(_ state: inout AppState) {
        // In the logs, Esc first clears the filter, as in the matrix; a second Esc leaves.
        if case .logs(let target) = state.pane, !state.logs.filter.isEmpty {
            state.logs.filter = ""
            state.logFilters[target.filterKey] = nil
            return
        }
        if case .service = state.pane, state.showAllEvents {
            state.showAllEvents = false
            state.scroll = 0
            return
        }
        if case .describe = state.pane, !state.describe.search.isEmpty {
            state.describe.search = ""
            return
        }
        if state.panes.count > 1 {
            state.panes.removeLast()
            state.scroll = 0
        } else if !state.filter.isEmpty {
            state.filter = ""
        }
    }

    private static func push(_ pane: Pane, _ state: inout AppState) {
        if state.pane != pane { state.panes.append(pane) }
        state.scroll = 0
    }

    private static func nextPane(_ state: inout AppState) -> [Effect] {
        switch state.pane {
        case .matrix: return open(&state)
        case .service: return openLogs(&state)
        case .logs: return openDescribe(&state)
        case .describe, .taskDefinition, .help, .actions, .rollbackChoices:
            state.panes = [.matrix]
            state.scroll = 0
            return []
        }
    }

    /// The service (and task, in the service view) the cursor is on.
    package static func focus(_ state: AppState) -> (environment: String, service: String, task: TaskSnapshot?)? {
        switch state.pane {
        case .service(let environment, let service):
            let tasks = state.fleet.service(service, in: environment)?.listedTasks(showStopped: state.showStoppedTasks, order: state.taskOrder) ?? []
            return (environment, service, tasks.indices.contains(state.serviceCursor) ? tasks[state.serviceCursor] : nil)
        case .logs(let target):
            return (target.environment, target.service, nil)
        case .taskDefinition(let target):
            return (target.environment, target.service, nil)
        case .describe(let target):
            return state.fleet.serviceNames.contains(target.identifier) ? (target.environment, target.identifier, nil) : nil
        default:
            guard let service = state.selectedService, let environment = state.selectedEnvironment else { return nil }
            return (environment, service, nil)
        }
    }

    private static func openLogs(_ state: inout AppState) -> [Effect] {
        guard let focus = focus(state), state.fleet.service(focus.service, in: focus.environment) != nil else {
            state.message = StatusMessage(text: "select a service first", isError: true)
            return []
        }
        let target = LogsTarget(environment: focus.environment, service: focus.service, taskId: focus.task?.id)
        state.logs = LogsState(loading: true)
        state.logs.filter = state.logFilters[target.filterKey] ?? ""
        push(.logs(target), &state)
        return [firstLogsRead(target, state)]
    }

    /// The pane's first read: only the last `logsWindow`, so it opens at the tail rather than an hour back.
    package static func firstLogsRead(_ target: LogsTarget, _ state: AppState) -> Effect {
        let start = state.now.addingTimeInterval(-state.logsWindow).timeIntervalSince1970
        return .loadLogs(target, since: Int64(start * 1000) - 1)
    }

    private static func openDescribe(_ state: inout AppState) -> [Effect] {
        guard let focus = focus(state), let cluster = state.fleet.state(focus.environment)?.snapshot?.cluster else {
            state.message = StatusMessage(text: "select a service first", isError: true)
            return []
        }
        let target = focus.task.map { DescribeTarget(environment: focus.environment, kind: .task, identifier: $0.arn, cluster: cluster) }
            ?? DescribeTarget(environment: focus.environment, kind: .service, identifier: focus.service, cluster: cluster)
        state.describe = DescribeState(loading: true)
        push(.describe(target), &state)
        return [.loadDescribe(target)]
    }

    /// `t` / `D`: the focused service's task definition, with the environment before it as the baseline. `D` in the
    /// pane toggles between the summary and the diff without reading anything again.
    private static func openTaskDefinition(diff: Bool, _ state: inout AppState) -> [Effect] {
        if case .taskDefinition(let target) = state.pane {
            if diff, target.baseline == nil {
                state.message = StatusMessage(text: "\(target.environment) is the first environment: nothing before it to compare with", isError: true)
                return []
            }
            state.taskDefinition.showingDiff = diff ? !state.taskDefinition.showingDiff : false
            state.scroll = 0
            return []
        }
        guard let focus = focus(state), let service = state.fleet.service(focus.service, in: focus.environment) else {
            state.message = StatusMessage(text: "select a service first", isError: true)
            return []
        }
        let target = TaskDefinitionTarget(environment: focus.environment, service: focus.service, arn: service.taskDefinitionArn,
                                          baseline: baseline(for: focus.service, before: focus.environment, state))
        if diff, target.baseline == nil {
            state.message = StatusMessage(text: "\(focus.environment) has no environment before it running \(focus.service) to compare with", isError: true)
            return []
        }
        state.taskDefinition = TaskDefinitionState(loading: true, showingDiff: diff)
        push(.taskDefinition(target), &state)
        return [.loadTaskDefinition(target)]
    }

    /// The environment before `environment` in promotion order, if it runs `service`: where a promotion comes from.
    private static func baseline(for service: String, before environment: String, _ state: AppState) -> TaskDefinitionTarget.Baseline? {
        guard let index = state.environments.firstIndex(of: environment), index > 0 else { return nil }
        let previous = state.environments[index - 1]
        guard let arn = state.fleet.service(service, in: previous)?.taskDefinitionArn, !arn.isEmpty else { return nil }
        return TaskDefinitionTarget.Baseline(environment: previous, arn: arn)
    }

    package static func clampSelection(_ state: inout AppState) {
        state.row = max(0, min(state.row, state.shownServices.count - 1))
        state.column = max(0, min(state.column, state.shownEnvironments.count - 1))
    }
}
