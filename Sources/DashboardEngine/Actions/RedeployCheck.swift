import DashboardModel
import Foundation

/// Pure checks that tell, once a tag names the digest an action wanted, whether each target service really runs it
/// or the redeploy never reached ECS. ECS's own word comes first: the digests its running tasks report. Where it
/// reports none (moto never does), the PRIMARY deployment's creation time is held against the tag move that this
/// machine's audit log recorded, since a deployment resolves the tag when it is created.
package enum RedeployCheck {
    /// One verdict for each service of `plan.redeploy` that the target snapshot has.
    package static func verdicts(_ plan: PromotionPlan, target: EnvironmentSnapshot, trail: AuditTrail) -> [RedeployVerdict] {
        let movedAt = trail.tagMoved(environment: plan.to, repository: plan.repository, tag: plan.targetTag, to: plan.sourceDigest)
        return plan.redeploy.compactMap { name in
            guard let service = target.service(named: name) else { return nil }
            let redeployedAt = movedAt.flatMap { trail.redeployed(environment: plan.to, cluster: plan.cluster, service: name, since: $0) }
            return verdict(service, environment: plan.to, digest: plan.sourceDigest, tagMovedAt: movedAt, redeployedAt: redeployedAt)
        }
    }

    /// - Parameters:
    ///   - tagMovedAt: when the audit log saw the tag moved to `digest`, if it did.
    ///   - redeployedAt: when the audit log saw UpdateService succeed on the service after that, if it did.
    package static func verdict(_ service: ServiceSnapshot, environment: String, digest: String, tagMovedAt: Date?, redeployedAt: Date?) -> RedeployVerdict {
        let short = DigestText.short(digest)
        let running = service.runningDigests
        func verdict(_ state: RedeployVerdict.State, _ text: String) -> RedeployVerdict {
            RedeployVerdict(service: service.name, state: state, text: text, running: running.count == 1 ? running[0] : nil)
        }
        if let note = failed(service, environment: environment, digest: digest, since: tagMovedAt) { return verdict(.rolledBack, note) }
        let primary = service.primaryDeployment
        let createdAfterMove = (primary?.createdAt).flatMap { created in tagMovedAt.map { created >= $0 } }

        if !running.isEmpty {
            if running.contains(digest) {
                let tasks = service.runningTasks
                let on = tasks.filter { $0.imageDigest == digest }.count
                return verdict(.runs, "\(environment) \(running.count == 1 ? "runs" : "is rolling out") \(short) (\(service.name): \(on) of \(tasks.count) running tasks)")
            }
            // Tasks of a deployment made after the move may not have started yet.
            if service.isDeploying, createdAfterMove == true, let primary {
                return verdict(.runs, "\(environment) is rolling out \(service.name)'s deployment \(primary.id), created \(time(primary.createdAt)), after the tag moved; no task runs \(short) yet")
            }
            return verdict(.behind, "\(environment) still runs \(running.map { DigestText.short($0) }.joined(separator: ", ")) (\(service.name))")
        }

        let noDigests = "ECS reports no image digests for \(environment)/\(service.name)"
        if let createdAfterMove, let primary {
            let when = createdAfterMove ? "after" : "before"
            return verdict(createdAfterMove ? .runs : .behind,
                           "\(noDigests); its deployment \(primary.id) was created \(time(primary.createdAt)), \(when) the tag moved \(time(tagMovedAt))")
        }
        if let redeployedAt {
            return verdict(.runs, "\(noDigests); the audit log shows it redeployed \(time(redeployedAt)), after the tag moved \(time(tagMovedAt))")
        }
        // Nothing says a deployment since the move: a redeploy costs a rollout, a wrong "nothing to do" a release.
        if tagMovedAt == nil {
            return verdict(.behind, "\(noDigests), and this machine's audit log does not say when the tag moved")
        }
        return verdict(.behind, "\(noDigests) nor when its deployment was created, and the audit log shows no redeploy since the tag moved \(time(tagMovedAt))")
    }

    /// A deployment made since the tag moved (any, when that time is unknown) FAILED or was rolled back by ECS: the
    /// redeploy reached ECS, and doing it again would fail again. A FAILED deployment still listed means ECS is
    /// undoing it, whatever the tasks it is stopping run; an event counts only while the tasks do not run the digest,
    /// since a later deployment may have brought it back.
    package static func failed(_ service: ServiceSnapshot, environment: String, digest: String, since: Date?) -> String? {
        func recent(_ date: Date?) -> Bool {
            guard let since, let date else { return true }
            return date >= since
        }
        if let failed = service.deployments.first(where: { $0.rolloutState == .failed && recent($0.createdAt) }) {
            return "\(environment)/\(service.name)'s deployment \(failed.id) FAILED (\(failed.rolloutReason ?? "no reason given"))"
        }
        guard !service.runningDigests.contains(digest) else { return nil }
        // Without the move's time only the latest events can be taken to be about it.
        let events = since == nil ? Array(service.events.prefix(10)) : service.events
        if let event = events.first(where: { ($0.message.contains("rolling back") || $0.message.contains("deployment failed")) && recent($0.createdAt) }) {
            return "ECS rolled back \(environment)/\(service.name): \(event.message)"
        }
        return nil
    }

    private static func time(_ date: Date?) -> String {
        date.map { "at \(AuditRecord.timestamp($0))" } ?? "at an unknown time"
    }
}
