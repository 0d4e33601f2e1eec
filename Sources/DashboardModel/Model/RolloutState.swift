/// A deployment's rollout state as ECS reports it (`rolloutState`); a value ECS adds later is kept as it came,
/// so nothing is lost and nothing is matched on a spelling outside this type.
package enum RolloutState: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    case inProgress
    case completed
    case failed
    case other(String)

    package init(wire: String) {
        switch wire {
        case "IN_PROGRESS": self = .inProgress
        case "COMPLETED": self = .completed
        case "FAILED": self = .failed
        default: self = .other(wire)
        }
    }

    /// ECS's own spelling, as `status` prints it and the service view shows it.
    package var wire: String {
        switch self {
        case .inProgress: "IN_PROGRESS"
        case .completed: "COMPLETED"
        case .failed: "FAILED"
        case .other(let text): text
        }
    }

    package var description: String { wire }

    package init(from decoder: any Decoder) throws {
        self.init(wire: try decoder.singleValueContainer().decode(String.self))
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wire)
    }
}
