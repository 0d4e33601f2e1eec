import DashboardModel
import Foundation

/// One AWS write an action will make, in order; every one is idempotent so a re-run finishes the job.
package enum PlannedCall: Sendable, Equatable {
    /// Retag: store `manifest` (verbatim) under `tag`; with the registry deploy role.
    case putImage(repository: String, tag: String, digest: String, manifest: String, mediaType: String?)
    /// Force a new deployment (optionally of another task-definition revision); with the environment's deploy role.
    case updateService(environment: String, cluster: String, service: String, taskDefinition: String?)
    /// Set the service's desired count, nothing else; with the environment's deploy role.
    case scaleService(environment: String, cluster: String, service: String, desiredCount: Int)

    /// The IAM permission the call needs, for access-denied messages.
    package var iamAction: String {
        switch self {
        case .putImage: return "ecr:PutImage"
        case .updateService, .scaleService: return "ecs:UpdateService"
        }
    }

    package var summary: String {
        switch self {
        case .putImage(let repository, let tag, let digest, _, _):
            return "ECR PutImage \(repository):\(tag) → \(DigestText.short(digest))"
        case .updateService(_, let cluster, let service, let taskDefinition):
            if let taskDefinition { return "ECS UpdateService \(cluster)/\(service) taskDefinition=\(taskDefinition)" }
            return "ECS UpdateService \(cluster)/\(service) forceNewDeployment"
        case .scaleService(_, let cluster, let service, let desiredCount):
            return "ECS UpdateService \(cluster)/\(service) desiredCount=\(desiredCount)"
        }
    }
}
