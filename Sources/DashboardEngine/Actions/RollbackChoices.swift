import AWSClient
import DashboardModel
import Foundation

/// Builds the list of builds an environment can be rolled back to from the repository's images and this machine's
/// audit log.
enum RollbackChoices {
    /// The builds `environment` can go back to, most likely first: those known to have run there (newest first),
    /// then older builds in the repository by push time; never the one its tag names now.
    static func list(environment: String, tag: String, current: String?, images: [ECRImageDetail], trail: AuditTrail, service: String,
                     environments: [String], limit: Int = 20) -> [RollbackChoice] {
        let previousTag = "\(tag)-previous"
        let ran = trail.digestsRun(environment: environment, service: service)
        let currentPush = images.first { $0.imageDigest == current }?.imagePushedAt
        var choices: [RollbackChoice] = []
        for image in images {
            guard let digest = image.imageDigest, digest != current else { continue }
            let tags = image.imageTags ?? []
            var notes: [String] = []
            if tags.contains(previousTag) { notes.append(previousTag) }
            if let when = ran[digest] { notes.append("\(environment) ran it (audit log, \(AuditRecord.timestamp(when).prefix(16)))") }
            let ranHere = !notes.isEmpty
            let older = currentPush.flatMap { pushed in image.imagePushedAt.map { $0 < pushed } } ?? true
            if !ranHere && !older { continue }
            if !ranHere { notes.append("in ECR, pushed before what \(environment) runs now") }
            choices.append(RollbackChoice(digest: digest, buildTags: PromotionPlanner.buildTags(tags, environments: environments),
                                          pushedAt: image.imagePushedAt, notes: notes, ranHere: ranHere))
        }
        let ordered = choices.sorted { lhs, rhs in
            if lhs.ranHere != rhs.ranHere { return lhs.ranHere }
            return (lhs.pushedAt ?? .distantPast, lhs.digest) > (rhs.pushedAt ?? .distantPast, rhs.digest)
        }
        return Array(ordered.prefix(limit))
    }
}
