import AWSClient
import DashboardModel
import Foundation

/// Follows a scaled service until it runs the new count with nothing pending, its desired count is changed away
/// from it (Application Auto Scaling, or someone else), or time runs out. Sleeps on the injected clock.
package struct ScaleWatcher: Sendable {
    package let ecs: ECSClient
    package let cluster: String
    package let clock: any AWSClock
    package var interval: TimeInterval = 5

    package func watch(service: String, count: Int, timeout: TimeInterval, progress: @Sendable (String) -> Void) async -> DeploymentWatcher.Verdict {
        let deadline = clock.now().addingTimeInterval(timeout)
        var last: WatchState?
        var lastSeen = "not read yet"
        // A desired count seen once differing could be a read from before the update: two polls in a row decide.
        var changedAway = 0
        while true {
            do {
                let found = try await ecs.describeServices(cluster: cluster, services: [service]).items.first { $0.serviceName == service }
                guard let found else { return .failed(service: service, reason: "the service is gone from \(cluster)") }
                let state = Self.state(of: found, count: count)
                lastSeen = Self.counts(found)
                if state != last { progress("\(service): \(DeploymentWatcher.describe(state))") }
                last = state
                switch state {
                case .completed: return .completed
                case .failed(let reason):
                    changedAway += 1
                    if changedAway >= 2 { return .failed(service: service, reason: reason) }
                case .inProgress:
                    changedAway = 0
                }
            } catch {
                // A failed poll says nothing about the tasks: say so and keep watching until the deadline.
                progress("poll failed: \(ErrorReport.describe(error))")
            }
            let left = deadline.timeIntervalSince(clock.now())
            guard left > 0 else {
                return .timedOut("not at \(count) running after \(Int(timeout))s (\(lastSeen)); ECS keeps going; watch with `ecsdash status`")
            }
            do { try await clock.sleep(seconds: min(interval, left)) } catch { return .interrupted }
        }
    }

    /// Done when the service wants `count`, runs `count` and starts nothing more; failed when it wants another count.
    package static func state(of service: ECSService, count: Int) -> WatchState {
        let desired = service.desiredCount ?? 0
        if desired != count {
            return .failed("its desired count is now \(desired), not \(count): Application Auto Scaling or someone else changed it")
        }
        if (service.runningCount ?? 0) == count, (service.pendingCount ?? 0) == 0 { return .completed }
        return .inProgress(counts(service))
    }

    private static func counts(_ service: ECSService) -> String {
        "\(service.runningCount ?? 0)/\(service.desiredCount ?? 0) running, \(service.pendingCount ?? 0) pending"
    }
}
