import DashboardModel
import Foundation

/// What a promotion (or a tag rollback) will do, fully resolved before anything changes: the digests,
/// the build tags, the services to redeploy and the API calls, in order.
package struct PromotionPlan: Sendable, Equatable {
    package var action: String
    package var service: String
    /// The source: an environment name, `prod-previous`, or a digest.
    package var from: String
    package var to: String
    package var repository: String
    package var sourceTag: String?
    package var targetTag: String
    package var sourceDigest: String
    package var sourceManifest: String
    package var sourceMediaType: String?
    /// Nil when the target tag does not exist yet (first promotion).
    package var targetDigest: String?
    package var targetManifest: String?
    package var targetMediaType: String?
    package var buildTags: [String]
    /// When ECR received the source image: a circuit-breaker failure after it can only have been this build's.
    package var sourcePushedAt: Date? = nil
    package var cluster: String
    /// Target-environment services running `repository:targetTag`: all of them are redeployed.
    package var redeploy: [String]
    /// Filled in by the dispatcher when the tag already names the source image: whether each service of
    /// `redeploy` runs it, so a run that stopped after moving the tag is finished rather than called done.
    package var finishing: [RedeployVerdict] = []

    package var previousTag: String { "\(targetTag)-previous" }

    /// The tag already names the source image: only redeploys can be left to do.
    package var isAlreadyPromoted: Bool { targetDigest == sourceDigest }

    /// What a finished run of this action is called.
    package var doneWord: String { action == "rollback" ? "already rolled back" : "already promoted" }

    /// Every write, in order: keep the current image as `TARGET-previous`, move the tag, redeploy. Once the tag
    /// has moved, only the redeploys of services that do not run the image yet.
    package var calls: [PlannedCall] {
        if isAlreadyPromoted {
            return finishing.filter { $0.state == .behind }
                .map { .updateService(environment: to, cluster: cluster, service: $0.service, taskDefinition: nil) }
        }
        var calls: [PlannedCall] = []
        if let targetDigest, let targetManifest {
            calls.append(.putImage(repository: repository, tag: previousTag, digest: targetDigest, manifest: targetManifest, mediaType: targetMediaType))
        }
        calls.append(.putImage(repository: repository, tag: targetTag, digest: sourceDigest, manifest: sourceManifest, mediaType: sourceMediaType))
        calls += redeploy.map { .updateService(environment: to, cluster: cluster, service: $0, taskDefinition: nil) }
        return calls
    }

    package func render() -> String {
        var lines = ["\(action) \(service): \(from) → \(to) (repository \(repository))"]
        let builds = buildTags.isEmpty ? "" : " (\(buildTags.joined(separator: ", ")))"
        lines.append("  \(targetTag): \(DigestText.short(targetDigest)) → \(DigestText.short(sourceDigest))\(builds)")
        if isAlreadyPromoted {
            for verdict in finishing {
                switch verdict.state {
                case .runs: lines.append("  tags already moved; \(verdict.text)")
                case .behind: lines.append("  tags already moved; \(verdict.text) — finishing the redeploy")
                case .rolledBack: lines.append("  tags already moved; \(verdict.text) — not redeploying the same image again")
                }
            }
            if calls.isEmpty {
                lines.append("  " + nothingToDo)
                return lines.joined(separator: "\n")
            }
        } else {
            lines.append("  redeploy in \(to): \(redeploy.isEmpty ? "(no service runs \(repository):\(targetTag))" : redeploy.joined(separator: ", "))")
        }
        lines.append("  API calls:")
        lines += calls.enumerated().map { "    \($0.offset + 1). \($0.element.summary)" }
        return lines.joined(separator: "\n")
    }

    /// The last word when the tag names the image and no redeploy is left: "nothing to do" only when every
    /// service that runs the tag runs the image.
    package var nothingToDo: String {
        let tag = "\(repository):\(targetTag) is \(DigestText.short(sourceDigest))"
        if finishing.contains(where: { $0.state == .rolledBack }) {
            return "\(tag), but ECS would not run it; nothing redeployed"
        }
        if finishing.isEmpty { return "\(doneWord): \(tag) and no service in \(to) runs \(repository):\(targetTag); nothing to do" }
        return "\(doneWord): \(tag) and \(to) runs it; nothing to do"
    }
}
