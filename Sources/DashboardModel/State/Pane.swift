/// What fills the body of the screen; the pane stack's top is in front, Esc pops it.
package enum Pane: Equatable, Sendable {
    case matrix
    case service(environment: String, service: String)
    case logs(LogsTarget)
    case describe(DescribeTarget)
    /// A service's task definition, readable, or diffed against the environment before (`D`).
    case taskDefinition(TaskDefinitionTarget)
    case help
    /// Plans, gates and progress of promote / rollback / restart.
    case actions
    /// The builds an environment can be rolled back to; Enter rolls back to the one under the cursor.
    case rollbackChoices(environment: String, service: String)

    package var title: String {
        switch self {
        case .matrix: return "Matrix"
        case .service(let environment, let service): return "\(environment) › \(service)"
        case .logs(let target): return "Logs · \(target.title)"
        case .describe(let target): return "Describe · \(target.title)"
        case .taskDefinition(let target): return "Task definition · \(target.title)"
        case .help: return "Help"
        case .actions: return "Actions"
        case .rollbackChoices(let environment, let service): return "Roll back \(service) · \(environment) to…"
        }
    }
}

/// Whose logs the logs pane shows: a whole service (every running task) or one task.
package struct LogsTarget: Equatable, Sendable {
    package var environment: String
    package var service: String
    package var taskId: String?

    /// Filters are kept per service, whichever task's stream is shown.
    package var filterKey: String { "\(environment)/\(service)" }

    package var title: String { taskId.map { "\(service)/\($0.prefix(8)) · \(environment)" } ?? "\(service) · \(environment)" }
}

/// What the describe pane shows the raw JSON of.
package struct DescribeTarget: Equatable, Sendable {
    package enum Kind: String, Sendable {
        case service
        case task
        case taskDefinition = "task definition"
    }

    package var environment: String
    package var kind: Kind
    /// Service name, task ARN, or task definition ARN.
    package var identifier: String
    package var cluster: String

    package var title: String { "\(kind.rawValue) \(identifier.split(separator: "/").last.map(String.init) ?? identifier) · \(environment)" }
}
