import AWSClient
import DashboardModel

/// A task as a poller keeps it between refreshes: which service it belongs to and its snapshot, mapped once
/// per change of its bytes rather than on every poll, and without the fields no pane shows.
///
/// A class, so that handing the same unchanged task out of the cache on every poll costs one retain.
package final class PolledTask: Decodable, Sendable, Equatable {
    /// ECS's `group`, `service:NAME` for a service's tasks.
    package let group: String?
    package let snapshot: TaskSnapshot

    package init(from decoder: any Decoder) throws {
        let task = try ECSTask(from: decoder)
        group = task.group
        snapshot = SnapshotMapper.task(task)
    }

    package static func == (left: PolledTask, right: PolledTask) -> Bool {
        left.group == right.group && left.snapshot == right.snapshot
    }
}
