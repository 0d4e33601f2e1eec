import Foundation

/// Everything the screen is drawn from; changed only by the reducer.
package struct AppState: Equatable, Sendable {
    package var environments: [String]
    package var protectedEnvironments: Set<String>
    package var configLabel: String
    package var region: String
    package var readOnly: Bool
    /// Environments no action may change (`read_only: true` on them).
    package var readOnlyEnvironments: Set<String> = []
    package var refresh: TimeInterval
    package var themeName: String
    package var fleet: FleetSnapshot
    package var now: Date
    package var keyMap = KeyMap()

    package var panes: [Pane] = [.matrix]
    /// Matrix cursor: row over the filtered services, column over the visible environments.
    package var row = 0
    package var column = 0
    /// First visible line of the pane in front (matrix rows, service lines, log lines, JSON lines).
    package var scroll = 0
    package var serviceCursor = 0
    /// The service view lists stopped tasks too (`x` hides them).
    package var showStoppedTasks = true
    /// The service view lists every event ECS keeps (up to 100) and j/k scroll the view instead of the task cursor.
    package var showAllEvents = false
    /// How the service view orders live tasks (`S`).
    package var taskOrder = TaskOrder.listed
    /// Each service's logs filter (`env/service`), kept while the logs pane is closed and reopened.
    package var logFilters: [String: String] = [:]
    /// How far back a logs pane reads when it opens (`:since 5m|1h|24h`).
    package var logsWindow: TimeInterval = 300
    /// Rows of the pane body: PgDn and PgUp move by this, G shows the last page.
    package var pageSize = 20
    /// Environments shown in the matrix (`:env dev,prod`); nil means all.
    package var visibleEnvironments: [String]?
    package var filter = ""
    package var input: InputMode = .normal
    package var message: StatusMessage?
    package var logs = LogsState()
    package var describe = DescribeState()
    package var taskDefinition = TaskDefinitionState()
    package var frame = 0
    package var quitting = false
    /// Environments whose credentials expire within `credentialWarningMargin`.
    package var expiringCredentials: Set<String> = []
    /// Keys that stop working within this many seconds are worth a warning: time to log in again before the
    /// environment goes dark.
    package static let credentialWarningMargin: TimeInterval = 15 * 60
    /// Actions in flight by service key `env/service`.
    package var runningActions: [String: String] = [:]
    /// Progress lines of every action this session, oldest first.
    package var actionLines: [ActionProgress] = []
    /// The builds the rollback chooser offers.
    package var rollbackChoices = RollbackChoicesState()
    /// A question an action is waiting on (type the environment's name, or y/N).
    package var confirmation: PendingConfirmation?

    package var pane: Pane { panes.last ?? .matrix }

    package var shownEnvironments: [String] {
        guard let visible = visibleEnvironments else { return environments }
        return environments.filter { visible.contains($0) }
    }

    /// Services after the `/` filter (substring, case-insensitive).
    package var shownServices: [String] {
        let all = fleet.serviceNames
        guard !filter.isEmpty else { return all }
        return all.filter { $0.localizedCaseInsensitiveContains(filter) }
    }

    package var selectedService: String? {
        let services = shownServices
        return services.indices.contains(row) ? services[row] : nil
    }

    package var selectedEnvironment: String? {
        let environments = shownEnvironments
        return environments.indices.contains(column) ? environments[column] : nil
    }


    package init(
        environments: [String],
        protectedEnvironments: Set<String>,
        configLabel: String,
        region: String,
        readOnly: Bool,
        readOnlyEnvironments: Set<String> = [],
        refresh: TimeInterval,
        themeName: String,
        fleet: FleetSnapshot,
        now: Date,
        keyMap: KeyMap = KeyMap(),
        panes: [Pane] = [.matrix],
        row: Int = 0,
        column: Int = 0,
        scroll: Int = 0,
        serviceCursor: Int = 0,
        visibleEnvironments: [String]? = nil,
        filter: String = "",
        input: InputMode = .normal,
        message: StatusMessage? = nil,
        logs: LogsState = LogsState(),
        describe: DescribeState = DescribeState(),
        frame: Int = 0,
        quitting: Bool = false,
        expiringCredentials: Set<String> = [],
        runningActions: [String: String] = [:],
        actionLines: [ActionProgress] = [],
        rollbackChoices: RollbackChoicesState = RollbackChoicesState(),
        confirmation: PendingConfirmation? = nil
    ) {
        self.environments = environments
        self.protectedEnvironments = protectedEnvironments
        self.configLabel = configLabel
        self.region = region
        self.readOnly = readOnly
        self.readOnlyEnvironments = readOnlyEnvironments
        self.refresh = refresh
        self.themeName = themeName
        self.fleet = fleet
        self.now = now
        self.keyMap = keyMap
        self.panes = panes
        self.row = row
        self.column = column
        self.scroll = scroll
        self.serviceCursor = serviceCursor
        self.visibleEnvironments = visibleEnvironments
        self.filter = filter
        self.input = input
        self.message = message
        self.logs = logs
        self.describe = describe
        self.frame = frame
        self.quitting = quitting
        self.expiringCredentials = expiringCredentials
        self.runningActions = runningActions
        self.actionLines = actionLines
        self.rollbackChoices = rollbackChoices
        self.confirmation = confirmation
    }
}

/// An action's question to the person at the keyboard, answered through the input line.
package struct PendingConfirmation: Equatable, Sendable {
    package var id: Int
    package var prompt: String

    package init(id: Int, prompt: String) {
        self.id = id
        self.prompt = prompt
    }
}

/// Whether keys go to navigation, the `/` filter, or the `:` command line.
package enum InputMode: Equatable, Sendable {
    case normal
    case filter(String)
    case command(String)
    /// Typing the answer to `AppState.confirmation`.
    case confirm(String)
    /// `q` while an action still watches its deployment: quit anyway? (y/N)
    case confirmQuit
}

/// A one-line note in the footer (a command's result, an error), dismissed by the next key.
package struct StatusMessage: Equatable, Sendable {
    package var text: String
    package var isError: Bool

    package init(text: String, isError: Bool) {
        self.text = text
        self.isError = isError
    }
}

/// The logs pane: lines so far, whether it follows new ones, and its own filter.
package struct LogsState: Equatable, Sendable {
    package var lines: [LogLine] = []
    package var following = true
    package var loading = false
    package var error: String?
    package var filter = ""
    /// Newest timestamp seen (ms), so the next fetch asks only for newer lines.
    package var lastTimestamp: Int64?

    package var shownLines: [LogLine] {
        filter.isEmpty ? lines : lines.filter { $0.message.localizedCaseInsensitiveContains(filter) }
    }

    package static let limit = 5000
}

/// One log line with its time and stream.
package struct LogLine: Equatable, Sendable {
    package var timestamp: Date
    package var stream: String
    package var message: String

    package init(timestamp: Date, stream: String, message: String) {
        self.timestamp = timestamp
        self.stream = stream
        self.message = message
    }
}

/// The describe pane's pretty-printed JSON.
package struct DescribeState: Equatable, Sendable {
    package var lines: [String] = []
    /// What `/` searches for in the JSON; matching lines are marked and the first one scrolled to.
    package var search = ""
    package var loading = false
    package var error: String?
}
