import AWSClient
import DashboardModel

/// Whether one service an action redeployed is really done, from what ECS reports: its deployment COMPLETED, as
/// many tasks running as desired, and every running task running the digest the action deployed. "COMPLETED"
/// alone is not enough: it says nothing about which image the tasks run.
package struct RolloutCheck: Sendable, Equatable {
    /// What is still awaited, in the order the watch reports them; empty when done.
    package enum Waiting: Sendable, Equatable {
        case deployment(String)
        case count(running: Int, desired: Int)
        /// `matching` of `running` tasks run the digest; `unreported` report no digest at all.
        case digest(String, matching: Int, running: Int, unreported: Int)
        /// No digest to check: tasks of other deployments still run.
        case oldTasks(Int)
    }

    package var service: String
    package var state: WatchState
    package var waiting: [Waiting]

    package var isDone: Bool { state == .completed && waiting.isEmpty }

    /// - Parameters:
    ///   - digest: what the action deployed; nil when unknown (then every running task must belong to `deploymentId`).
    ///   - tasks: the service's running tasks.
    package static func of(_ service: ECSService, deploymentId: String?, digest: String?, tasks: [ECSTask]) -> RolloutCheck {
        let name = service.serviceName ?? "?"
        let state = WatchState.of(service, deploymentId: deploymentId)
        var waiting: [Waiting] = []
        if case .inProgress(let text) = state { waiting.append(.deployment(text)) }
        let running = service.runningCount ?? 0, desired = service.desiredCount ?? 0
        if running != desired { waiting.append(.count(running: running, desired: desired)) }
        let live = tasks.filter { $0.lastStatus == "RUNNING" }
        if let digest {
            let reported = live.map(Self.digests)
            let matching = reported.filter { $0.contains(digest) }.count
            if matching < live.count || live.isEmpty {
                waiting.append(.digest(digest, matching: matching, running: live.count, unreported: reported.filter(\.isEmpty).count))
            }
        } else if let deploymentId {
            let old = live.filter { $0.startedBy != deploymentId }.count
            if old > 0 { waiting.append(.oldTasks(old)) }
        }
        return RolloutCheck(service: name, state: state, waiting: waiting)
    }

    /// The digests a task's containers report, or pin in their image reference (`repo@sha256:…`) when ECS reports none.
    package static func digests(of task: ECSTask) -> Set<String> {
        var found: Set<String> = []
        for container in task.containers ?? [] {
            if let digest = container.imageDigest {
                found.insert(digest)
            } else if let image = container.image, let at = image.firstIndex(of: "@") {
                found.insert(String(image[image.index(after: at)...]))
            }
        }
        return found
    }

    /// `frontend: deployment COMPLETED, 2/2 running; waiting for tasks to run sha256:… (0 of 2 do)`.
    package var line: String {
        guard !isDone else { return "\(service): COMPLETED, every running task runs the new image" }
        if case .failed(let reason) = state { return "\(service): FAILED: \(reason)" }
        let deployment = state == .completed ? "deployment COMPLETED" : "deployment in progress"
        return "\(service): \(deployment); waiting for " + waiting.map(Self.describe).joined(separator: "; ")
    }

    /// What never came, for the timeout message.
    package var missing: String {
        waiting.map(Self.never).joined(separator: "; ")
    }

    package static func describe(_ waiting: Waiting) -> String {
        switch waiting {
        case .deployment(let text): return "the deployment (\(text))"
        case .count(let running, let desired): return "running = desired (\(running)/\(desired))"
        case .digest(let digest, let matching, let running, _): return "tasks to run \(DigestText.short(digest)) (\(matching) of \(running) do)"
        case .oldTasks(let count): return "\(count) task(s) of the previous deployment to stop"
        }
    }

    package static func never(_ waiting: Waiting) -> String {
        switch waiting {
        case .deployment(let text): return "the deployment never COMPLETED (\(text))"
        case .count(let running, let desired): return "running never reached desired (\(running)/\(desired))"
        case .digest(let digest, let matching, let running, let unreported):
            let none = matching == 0 ? "no task runs \(DigestText.short(digest)) yet" : "only \(matching) of \(running) tasks run \(DigestText.short(digest))"
            return none + (unreported > 0 ? " (ECS reports no image digest for \(unreported) of them)" : "")
        case .oldTasks(let count): return "\(count) task(s) of the previous deployment still run"
        }
    }
}
