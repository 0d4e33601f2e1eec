import Foundation

/// Everything that can change the app state: keys, poller reports, loaded logs and JSON, the clock.
package enum AppEvent: Sendable {
    case key(Key)
    case fleet(FleetEvent)
    case tick(Date)
    /// The terminal changed size: how many rows the pane body has, which is what a page is.
    case screenResized(bodyRows: Int)
    case logsLoaded(target: LogsTarget, lines: [LogLine], error: String?)
    case describeLoaded(target: DescribeTarget, text: String?, error: String?)
    case taskDefinitionLoaded(target: TaskDefinitionTarget, load: TaskDefinitionLoad)
    case message(String, isError: Bool)
    case actionStarted(key: String, summary: String)
    case actionProgress(ActionProgress)
    case actionFinished(key: String, outcome: ActionOutcome)
    case confirmationRequested(PendingConfirmation)
    case rollbackChoicesLoaded(environment: String, service: String, current: RollbackChoice?, choices: [RollbackChoice], error: String?)
    /// When the keys an environment signs with stop working (nil: never), as checked `at` after a poll.
    case credentialsChecked(environment: String, expiresAt: Date?, at: Date)
}

/// Work the reducer asks the outside world to do; results come back as events.
package enum Effect: Equatable, Sendable {
    case refresh(environment: String?)
    case loadLogs(LogsTarget, since: Int64?)
    case loadDescribe(DescribeTarget)
    case loadTaskDefinition(TaskDefinitionTarget)
    case setTheme(String)
    case setRefresh(TimeInterval)
    case runAction(ActionRequest)
    case answerConfirmation(id: Int, answer: String?)
    case loadRollbackChoices(environment: String, service: String)
    case quit
}
