import Foundation

extension ServiceSnapshot {
    /// The tasks as the service view lists them and its cursor walks them: live tasks (in ECS's order or `order`), then (unless
    /// hidden with `x`) the stopped ones, newest stop first, since the newest stop is the one on-call is after.
    package func listedTasks(showStopped: Bool, order: TaskOrder = .listed) -> [TaskSnapshot] {
        let live = order.sorted(tasks.filter { $0.desiredStatus != "STOPPED" })
        guard showStopped else { return live }
        let stopped = tasks.filter { $0.desiredStatus == "STOPPED" }
            .sorted { ($0.stoppedAt ?? .distantFuture) > ($1.stoppedAt ?? .distantFuture) }
        return live + stopped
    }
}
