import AWSClient
import DashboardModel
import Foundation

/// What an action watches once its calls are made: the deployments it started (promote, rollback, restart), or a
/// scaled service's task count. The dispatcher runs either the same way: cancelled on quit, audited as it ends.
package enum ActionWatch: Sendable, Equatable {
    /// Service name → the deployment id UpdateService returned, and the digest the action deployed (nil: unknown).
    case deployments([String: String?], digest: String?)
    case count(service: String, desired: Int)

    /// What `request` leaves to watch after its calls; nil when it started nothing to follow.
    package static func after(_ request: ActionRequest, deployments: [String: String?], digest: String?) -> ActionWatch? {
        if case .scale(_, let count) = request.kind { return .count(service: request.service, desired: count) }
        return deployments.isEmpty ? nil : .deployments(deployments, digest: digest)
    }

    /// What `watching …` names.
    package var subject: String {
        switch self {
        case .deployments(let deployments, _): return deployments.keys.sorted().joined(separator: ", ")
        case .count(let service, let desired): return "\(service) until \(desired) run"
        }
    }

    /// What `--no-wait` leaves unwatched.
    package var noun: String {
        switch self {
        case .deployments: return "the deployment"
        case .count: return "the task count"
        }
    }

    /// The end of the outcome message when the watch completes.
    package var completed: String {
        switch self {
        case .deployments(_, let digest): return "deployment COMPLETED" + (digest.map { ", every task runs \(DigestText.short($0))" } ?? "")
        case .count(_, let desired): return "\(desired) running"
        }
    }

    /// What failed, before the reason, in the outcome message.
    package func failure(of service: String) -> String {
        switch self {
        case .deployments: return "the deployment of \(service) failed"
        case .count: return "\(service) did not reach the count"
        }
    }

    package func run(ecs: ECSClient, cluster: String, clock: any AWSClock, timeout: TimeInterval,
             progress: @Sendable (String) -> Void) async -> DeploymentWatcher.Verdict {
        switch self {
        case .deployments(let deployments, let digest):
            return await DeploymentWatcher(ecs: ecs, cluster: cluster, clock: clock).watch(deployments, digest: digest, timeout: timeout, progress: progress)
        case .count(let service, let desired):
            return await ScaleWatcher(ecs: ecs, cluster: cluster, clock: clock).watch(service: service, count: desired, timeout: timeout, progress: progress)
        }
    }
}
