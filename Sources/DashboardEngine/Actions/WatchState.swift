import AWSClient
import DashboardModel

/// Where one watched deployment stands, computed purely from a DescribeServices answer.
package enum WatchState: Sendable, Equatable {
    case inProgress(String)
    case completed
    case failed(String)

    /// `deploymentId` is the deployment UpdateService started (nil: follow the PRIMARY).
    package static func of(_ service: ECSService, deploymentId: String?) -> WatchState {
        let deployments = service.deployments ?? []
        let primary = deployments.first { $0.status == "PRIMARY" }
        guard let ours = deploymentId.map({ id in deployments.first { $0.id == id } }) ?? primary else {
            return .failed("deployment \(deploymentId ?? "?") is gone; ECS now runs \(primary?.id ?? "another deployment") (rolled back)")
        }
        if ours.rolloutState == "FAILED" {
            return .failed(ours.rolloutStateReason ?? "deployment FAILED")
        }
        if ours.status != "PRIMARY" {
            return .failed("deployment \(ours.id ?? "?") was replaced by \(primary?.id ?? "another") (rolled back)")
        }
        if ours.rolloutState == "COMPLETED" { return .completed }
        // moto and old services report no rolloutState: a lone PRIMARY at its desired count is done.
        if ours.rolloutState == nil, deployments.count == 1, (ours.runningCount ?? 0) >= (ours.desiredCount ?? 0) { return .completed }
        return .inProgress("\(ours.runningCount ?? 0)/\(ours.desiredCount ?? 0) running, \(ours.failedTasks ?? 0) failed, \(ours.rolloutState ?? "no rollout state")")
    }
}
