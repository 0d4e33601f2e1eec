/// What fills the body of the screen; the pane stack's top is in front, Esc pops it.
enum Pane: Equatable, Sendable {
    case matrix
    case service(environment: String, service: String)
    case logs(LogsTarget)
    case describe(DescribeTarget)
    case help
    /// Plans, gates and progress of promote / rollback / restart.
    case actions
    /// The builds an environment can be rolled back to; Enter rolls back to the one under the cursor.
    case rollbackChoices(environment: String, service: String)

    var title: String {
        switch self {
        case .matrix: return "Matrix"
        case .service(let environment, let service): return "\(service) · \(environment)"
        case .logs(let target): return "Logs · \(target.title)"
        case .describe(let target): return "Describe · \(target.title)"
        case .help: return "Help"
        case .actions: return "Actions"
        case .rollbackChoices(let environment, let service): return "Roll back \(service) · \(environment) to…"
        }
    }
}

/// Whose logs the logs pane shows: a whole service (every running task) or one task.
struct LogsTarget: Equatable, Sendable {
    var environment: String
    var service: String
    var taskId: String?

    var title: String { taskId.map { "\(service)/\($0.prefix(8)) · \(environment)" } ?? "\(service) · \(environment)" }
}

/// What the describe pane shows the raw JSON of.
struct DescribeTarget: Equatable, Sendable {
    enum Kind: String, Sendable {
        case service
        case task
        case taskDefinition = "task definition"
    }

    var environment: String
    var kind: Kind
    /// Service name, task ARN, or task definition ARN.
    var identifier: String
    var cluster: String

    var title: String { "\(kind.rawValue) \(identifier.split(separator: "/").last.map(String.init) ?? identifier) · \(environment)" }
}
