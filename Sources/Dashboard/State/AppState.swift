import Foundation

/// Everything the screen is drawn from; changed only by the reducer.
struct AppState: Equatable, Sendable {
    var environments: [String]
    var protectedEnvironments: Set<String>
    var configLabel: String
    var region: String
    var readOnly: Bool
    /// Environments no action may change (`read_only: true` on them).
    var readOnlyEnvironments: Set<String> = []
    var refresh: TimeInterval
    var themeName: String
    var fleet: FleetSnapshot
    var now: Date
    var keyMap = KeyMap()

    var panes: [Pane] = [.matrix]
    /// Matrix cursor: row over the filtered services, column over the visible environments.
    var row = 0
    var column = 0
    /// First visible line of the pane in front (matrix rows, service lines, log lines, JSON lines).
    var scroll = 0
    var serviceCursor = 0
    /// Environments shown in the matrix (`:env dev,prod`); nil means all.
    var visibleEnvironments: [String]?
    var filter = ""
    var input: InputMode = .normal
    var message: StatusMessage?
    var logs = LogsState()
    var describe = DescribeState()
    var frame = 0
    var quitting = false
    /// Environments whose credentials expire within 15 minutes.
    var expiringCredentials: Set<String> = []
    /// Actions in flight by service key `env/service`.
    var runningActions: [String: String] = [:]
    /// Progress lines of every action this session, oldest first.
    var actionLines: [ActionProgress] = []
    /// The builds the rollback chooser offers.
    var rollbackChoices = RollbackChoicesState()
    /// A question an action is waiting on (type the environment's name, or y/N).
    var confirmation: PendingConfirmation?

    var pane: Pane { panes.last ?? .matrix }

    var shownEnvironments: [String] {
        guard let visible = visibleEnvironments else { return environments }
        return environments.filter { visible.contains($0) }
    }

    /// Services after the `/` filter (substring, case-insensitive).
    var shownServices: [String] {
        let all = fleet.serviceNames
        guard !filter.isEmpty else { return all }
        return all.filter { $0.localizedCaseInsensitiveContains(filter) }
    }

    var selectedService: String? {
        let services = shownServices
        return services.indices.contains(row) ? services[row] : nil
    }

    var selectedEnvironment: String? {
        let environments = shownEnvironments
        return environments.indices.contains(column) ? environments[column] : nil
    }
}

/// An action's question to the person at the keyboard, answered through the input line.
struct PendingConfirmation: Equatable, Sendable {
    var id: Int
    var prompt: String
}

/// Whether keys go to navigation, the `/` filter, or the `:` command line.
enum InputMode: Equatable, Sendable {
    case normal
    case filter(String)
    case command(String)
    /// Typing the answer to `AppState.confirmation`.
    case confirm(String)
    /// `q` while an action still watches its deployment: quit anyway? (y/N)
    case confirmQuit
}

/// A one-line note in the footer (a command's result, an error), dismissed by the next key.
struct StatusMessage: Equatable, Sendable {
    var text: String
    var isError: Bool
}

/// The logs pane: lines so far, whether it follows new ones, and its own filter.
struct LogsState: Equatable, Sendable {
    var lines: [LogLine] = []
    var following = true
    var loading = false
    var error: String?
    var filter = ""
    /// Newest timestamp seen (ms), so the next fetch asks only for newer lines.
    var lastTimestamp: Int64?

    var shownLines: [LogLine] {
        filter.isEmpty ? lines : lines.filter { $0.message.localizedCaseInsensitiveContains(filter) }
    }

    static let limit = 5000
}

/// One log line with its time and stream.
struct LogLine: Equatable, Sendable {
    var timestamp: Date
    var stream: String
    var message: String
}

/// The describe pane's pretty-printed JSON.
struct DescribeState: Equatable, Sendable {
    var lines: [String] = []
    var loading = false
    var error: String?
}
