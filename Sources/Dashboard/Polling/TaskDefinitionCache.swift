import AWSClient
import Foundation

/// What the poller needs of each task definition (its main container's image and log settings), by ARN: a
/// revision never changes, so each is fetched once per run, and only these facts are kept of it.
///
/// A lock rather than an actor: every poll looks up every service's definition, and a hop per look-up cost
/// more than the look-up.
final class TaskDefinitionCache: @unchecked Sendable {
    /// The main container's image and log settings.
    struct Facts: Sendable, Equatable {
        /// Parsed once here rather than for every service on every refresh.
        var image: ImageReference?
        var logs: LogSettings?

        init(_ definition: ECSTaskDefinition) {
            let container = SnapshotMapper.mainContainer(definition)
            image = container?.image.map(ImageReference.parse)
            logs = container.flatMap(SnapshotMapper.logSettings)
        }
    }

    private let lock = NSLock()
    private var facts: [String: Facts] = [:]

    func facts(_ arn: String) -> Facts? { lock.withLock { facts[arn] } }

    func store(_ definition: ECSTaskDefinition, for arn: String) -> Facts {
        let known = Facts(definition)
        lock.withLock { facts[arn] = known }
        return known
    }

    var count: Int { lock.withLock { facts.count } }
}
