/// What a key asks the dashboard to do; the reducer interprets it for the pane in front.
package enum Command: String, CaseIterable, Sendable, Codable {
    case up, down, left, right, top, bottom, pageUp = "page_up", pageDown = "page_down"
    case open, back, nextPane = "next_pane"
    case filter, commandLine = "command_line", refresh, logs, describe, help, quit, actions
    case promote, rollback, restart
    case scale
    case nextProblem = "next_problem"
    case toggleStopped = "toggle_stopped"
    case toggleEvents = "toggle_events"
    case sortTasks = "sort_tasks"
    case taskDefinition = "task_definition", taskDefinitionDiff = "task_definition_diff"
}
