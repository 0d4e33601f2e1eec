import AWSClient
import DashboardModel
import Foundation

/// Follows the deployments an action started until all are really done (see `RolloutCheck`), one fails or is
/// rolled back, or time runs out.
/// Sleeps on the injected clock, so simulator tests step time instead of waiting.
package struct DeploymentWatcher: Sendable {
    package let ecs: ECSClient
    package let cluster: String
    package let clock: any AWSClock
    package var interval: TimeInterval = 5

    /// How the watch ended.
    package enum Verdict: Sendable, Equatable {
        case completed
        case failed(service: String, reason: String)
        case timedOut(String)
        /// The watch was cancelled (the dashboard quit); ECS carries on regardless.
        case interrupted
    }

    /// `deployments`: service name → the deployment id UpdateService returned; `digest`: the image the action
    /// deployed (nil when unknown). Done only when each deployment COMPLETED, runs as many tasks as desired, and
    /// every running task runs `digest`; the timeout says which of those never came.
    package func watch(_ deployments: [String: String?], digest: String?, timeout: TimeInterval, progress: @Sendable (String) -> Void) async -> Verdict {
        let deadline = clock.now().addingTimeInterval(timeout)
        var last: [String: RolloutCheck] = [:]
        while true {
            do {
                let checks = try await check(deployments, digest: digest)
                for (name, check) in checks.sorted(by: { $0.key < $1.key }) where last[name] != check { progress(check.line) }
                last = checks
                if let failed = checks.values.first(where: { if case .failed = $0.state { return true } else { return false } }),
                   case .failed(let reason) = failed.state {
                    return .failed(service: failed.service, reason: reason)
                }
                if checks.count == deployments.count, checks.values.allSatisfy(\.isDone) { return .completed }
            } catch {
                // A failed poll is not a failed deployment: say so and keep watching until the deadline.
                progress("poll failed: \(ErrorReport.describe(error))")
            }
            let left = deadline.timeIntervalSince(clock.now())
            guard left > 0 else {
                let missing = last.sorted { $0.key < $1.key }.filter { !$0.value.isDone }.map { "\($0.key): \($0.value.missing)" }
                return .timedOut("not done after \(Int(timeout))s: \(missing.isEmpty ? "no answer from ECS" : missing.joined(separator: "; ")); "
                    + "ECS keeps going; watch with `ecsdash status`")
            }
            do { try await clock.sleep(seconds: min(interval, left)) } catch { return .interrupted }
        }
    }

    /// One look at every watched service: DescribeServices for all, then each one's running tasks.
    private func check(_ deployments: [String: String?], digest: String?) async throws -> [String: RolloutCheck] {
        let services = try await ecs.describeServices(cluster: cluster, services: deployments.keys.sorted()).items
        var checks: [String: RolloutCheck] = [:]
        for service in services {
            guard let name = service.serviceName, let id = deployments[name] else { continue }
            let arns = try await ecs.listTasks(cluster: cluster, serviceName: name, desiredStatus: .running)
            let tasks = arns.isEmpty ? [] : try await ecs.describeTasks(cluster: cluster, tasks: arns).items.filter { $0.group == nil || $0.group == "service:\(name)" }
            checks[name] = RolloutCheck.of(service, deploymentId: id, digest: digest, tasks: tasks)
        }
        return checks
    }

    package static func describe(_ state: WatchState) -> String {
        switch state {
        case .inProgress(let text): return "in progress (\(text))"
        case .completed: return "COMPLETED"
        case .failed(let reason): return "FAILED: \(reason)"
        }
    }
}
