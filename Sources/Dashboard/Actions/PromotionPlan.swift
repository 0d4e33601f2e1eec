import Foundation

/// What a promotion (or a tag rollback) will do, fully resolved before anything changes: the digests,
/// the build tags, the services to redeploy and the API calls, in order.
struct PromotionPlan: Sendable, Equatable {
    var action: String
    var service: String
    /// The source: an environment name, `prod-previous`, or a digest.
    var from: String
    var to: String
    var repository: String
    var sourceTag: String?
    var targetTag: String
    var sourceDigest: String
    var sourceManifest: String
    var sourceMediaType: String?
    /// Nil when the target tag does not exist yet (first promotion).
    var targetDigest: String?
    var targetManifest: String?
    var targetMediaType: String?
    var buildTags: [String]
    /// When ECR received the source image: a circuit-breaker failure after it can only have been this build's.
    var sourcePushedAt: Date? = nil
    var cluster: String
    /// Target-environment services running `repository:targetTag`: all of them are redeployed.
    var redeploy: [String]
    /// Filled in by the dispatcher when the tag already names the source image: whether each service of
    /// `redeploy` runs it, so a run that stopped after moving the tag is finished rather than called done.
    var finishing: [RedeployVerdict] = []

    var previousTag: String { "\(targetTag)-previous" }

    /// The tag already names the source image: only redeploys can be left to do.
    var isAlreadyPromoted: Bool { targetDigest == sourceDigest }

    /// What a finished run of this action is called.
    var doneWord: String { action == "rollback" ? "already rolled back" : "already promoted" }

    /// Every write, in order: keep the current image as `TARGET-previous`, move the tag, redeploy. Once the tag
    /// has moved, only the redeploys of services that do not run the image yet.
    var calls: [PlannedCall] {
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

    func render() -> String {
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
    var nothingToDo: String {
        let tag = "\(repository):\(targetTag) is \(DigestText.short(sourceDigest))"
        if finishing.contains(where: { $0.state == .rolledBack }) {
            return "\(tag), but ECS would not run it; nothing redeployed"
        }
        if finishing.isEmpty { return "\(doneWord): \(tag) and no service in \(to) runs \(repository):\(targetTag); nothing to do" }
        return "\(doneWord): \(tag) and \(to) runs it; nothing to do"
    }
}
