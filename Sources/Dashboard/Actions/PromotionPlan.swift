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
    var cluster: String
    /// Target-environment services running `repository:targetTag`: all of them are redeployed.
    var redeploy: [String]

    var previousTag: String { "\(targetTag)-previous" }

    /// The tag already names the source image: nothing to do.
    var isAlreadyPromoted: Bool { targetDigest == sourceDigest }

    /// Every write, in order: keep the current image as `TARGET-previous`, move the tag, redeploy.
    var calls: [PlannedCall] {
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
            lines.append("  already promoted: \(repository):\(targetTag) is \(DigestText.short(sourceDigest)); nothing to do")
            return lines.joined(separator: "\n")
        }
        lines.append("  redeploy in \(to): \(redeploy.isEmpty ? "(no service runs \(repository):\(targetTag))" : redeploy.joined(separator: ", "))")
        lines.append("  API calls:")
        lines += calls.enumerated().map { "    \($0.offset + 1). \($0.element.summary)" }
        return lines.joined(separator: "\n")
    }
}
