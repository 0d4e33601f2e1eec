import AWSClient
import DashboardModel
import Foundation

/// What the poller needs of each task definition (its main container's image and log settings), by ARN: a
/// revision never changes, so each is fetched once per run, and only these facts are kept of it.
///
/// A lock rather than an actor: every poll looks up every service's definition, and a hop per look-up cost
/// more than the look-up.
package final class TaskDefinitionCache: @unchecked Sendable {
    /// The main container's image and log settings.
    package struct Facts: Sendable, Equatable {
        /// Parsed once here rather than for every service on every refresh.
        package var image: ImageReference?
        package var logs: LogSettings?

        package init(_ definition: ECSTaskDefinition) {
            let container = SnapshotMapper.mainContainer(definition)
            image = container?.image.map(ImageReference.parse)
            logs = container.flatMap(SnapshotMapper.logSettings)
        }
    }

    private let lock = NSLock()
    private var facts: [String: Facts] = [:]

    package func facts(_ arn: String) -> Facts? { lock.withLock { facts[arn] } }

    package func store(_ definition: ECSTaskDefinition, for arn: String) -> Facts {
        let known = Facts(definition)
        lock.withLock { facts[arn] = known }
        return known
    }

    package var count: Int { lock.withLock { facts.count } }
}
