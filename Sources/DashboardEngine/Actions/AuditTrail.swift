import DashboardModel
import Foundation

/// What this machine's audit log says about earlier steps on a target: when a tag was moved, by which action,
/// and whether a redeploy followed. It only knows what ecsdash did here, so every answer is optional.
package struct AuditTrail: Sendable {
    package let records: [AuditRecord]

    /// The newest step that moved `repository:tag` in `environment` (or found it already moved), to any digest.
    package func lastTagMove(environment: String, repository: String, tag: String) -> AuditRecord? {
        records.last { Self.isMove($0, environment: environment, repository: repository, tag: tag, digest: nil) }
    }

    /// When `repository:tag` in `environment` was last moved to `digest`. A step that found the tag already there
    /// only bounds the move from above, so it counts only when no step records the move itself.
    package func tagMoved(environment: String, repository: String, tag: String, to digest: String) -> Date? {
        let moves = records.filter { Self.isMove($0, environment: environment, repository: repository, tag: tag, digest: digest) }
        return (moves.last { $0.result == "ok" } ?? moves.last)?.date
    }

    /// When UpdateService last succeeded on `cluster/service` in `environment` at or after `since` (a forced
    /// deployment, which resolves the tag again).
    package func redeployed(environment: String, cluster: String, service: String, since: Date) -> Date? {
        let step = PlannedCall.updateService(environment: environment, cluster: cluster, service: service, taskDefinition: nil).summary
        return records.last { $0.environment == environment && $0.step == step && $0.result == "ok" && ($0.date.map { $0 >= since } ?? false) }?.date
    }

    /// Digests the service ran in `environment` by this log, each with the last time a step named it: what a
    /// promotion or rollback moved away from and to.
    package func digestsRun(environment: String, service: String) -> [String: Date] {
        var seen: [String: Date] = [:]
        for record in records where record.environment == environment && record.service == service && (record.result == "ok" || record.result == "completed") {
            guard let date = record.date else { continue }
            for digest in [record.oldDigest, record.newDigest].compactMap({ $0 }) { seen[digest] = max(seen[digest] ?? date, date) }
        }
        return seen
    }

    /// A PutImage step of `repository:tag`. The step's text is rebuilt from the record's new digest rather than
    /// parsed, so the `TAG-previous` step of the same action (which stores the old digest) never matches.
    private static func isMove(_ record: AuditRecord, environment: String, repository: String, tag: String, digest: String?) -> Bool {
        guard record.environment == environment, record.result == "ok" || record.result == "already-done",
              let moved = record.newDigest, digest == nil || moved == digest else { return false }
        return record.step == PlannedCall.putImage(repository: repository, tag: tag, digest: moved, manifest: "", mediaType: nil).summary
    }
}
