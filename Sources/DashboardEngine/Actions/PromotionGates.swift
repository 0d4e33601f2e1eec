import DashboardModel
import Foundation

/// The gates a promotion must pass, as pure functions of what ECS reports about the source and the target:
/// the source is healthy, really runs the digest being promoted, got there by a deployment that completed (not
/// one the circuit breaker rolled back), has run it long enough, and the target is settled and next in line.
package enum PromotionGates {
    /// Everything the gates judge.
    package struct Facts: Sendable {
        package var source: ServiceSnapshot?
        package var sourceEnvironment: String
        /// The digest the promotion moves: what the source's tag points at.
        package var digest: String
        /// When ECR received it, if known.
        package var pushedAt: Date? = nil
        package var targets: [ServiceSnapshot]
        package var targetEnvironment: String
        package var order: [String]
        /// How long the digest must have run healthy in the source (`gates.soak`).
        package var soak: TimeInterval = 0
        package var now: Date
    }

    package static func evaluate(_ facts: Facts) -> [GateResult] {
        [
            sourceHealthy(facts.source, environment: facts.sourceEnvironment),
            sourceRunsDigest(facts),
            sourceDeploymentSucceeded(facts),
            soaked(facts),
            targetSettled(facts.targets, environment: facts.targetEnvironment),
            adjacent(from: facts.sourceEnvironment, to: facts.targetEnvironment, order: facts.order),
        ]
    }

    /// The image being promoted runs well where it is: rollout COMPLETED (or none reported), all tasks up, none unhealthy.
    package static func sourceHealthy(_ service: ServiceSnapshot?, environment: String) -> GateResult {
        let name = "source healthy"
        guard let service else { return GateResult(name: name, passed: false, reason: "no such service in \(environment)") }
        if let state = service.rolloutState, state != .completed {
            return GateResult(name: name, passed: false, reason: "\(environment)/\(service.name) rollout is \(state)\(service.rolloutReason.map { ": \($0)" } ?? "")")
        }
        if service.isDeploying {
            return GateResult(name: name, passed: false, reason: "\(environment)/\(service.name) is mid-deployment")
        }
        if service.running != service.desired {
            return GateResult(name: name, passed: false, reason: "\(environment)/\(service.name) runs \(service.running) of \(service.desired) tasks")
        }
        if service.unhealthyTaskCount > 0 {
            return GateResult(name: name, passed: false, reason: "\(environment)/\(service.name) has \(service.unhealthyTaskCount) unhealthy task(s)")
        }
        return GateResult(name: name, passed: true, reason: "\(environment)/\(service.name) \(service.rolloutState?.wire ?? "steady"), \(service.running)/\(service.desired) running")
    }

    /// Every running task of the source runs the digest its tag names: a tag moved to a build that never took
    /// (the circuit breaker rolled it back) leaves the source running something else, and that must not be promoted.
    package static func sourceRunsDigest(_ facts: Facts) -> GateResult {
        let name = "source runs it"
        let env = facts.sourceEnvironment
        guard let service = facts.source else { return GateResult(name: name, passed: false, reason: "no such service in \(env)") }
        let running = service.runningDigests
        guard !running.isEmpty else {
            return GateResult(name: name, passed: true, reason: "ECS reports no image digests for \(env)/\(service.name)'s tasks; not verified", unverified: true)
        }
        guard running == [facts.digest] else {
            let others = running.filter { $0 != facts.digest }.map(DigestText.short).joined(separator: ", ")
            return GateResult(name: name, passed: false,
                              reason: "\(env) runs \(others), \(env) tag says \(DigestText.short(facts.digest))\(running.contains(facts.digest) ? " (mixed)" : "")")
        }
        return GateResult(name: name, passed: true, reason: "every running task in \(env) runs \(DigestText.short(facts.digest))")
    }

    /// The source's deployments of this digest completed: none failed, none was rolled back by the circuit breaker.
    /// Deployments are tied to the digest through the tasks they started (running or stopped).
    package static func sourceDeploymentSucceeded(_ facts: Facts) -> GateResult {
        let name = "source deployment"
        let env = facts.sourceEnvironment
        guard let service = facts.source else { return GateResult(name: name, passed: false, reason: "no such service in \(env)") }
        let deploymentsOfDigest = Set(service.tasks.filter { $0.imageDigest == facts.digest }.compactMap(\.startedBy))
        if let failed = service.deployments.first(where: { $0.rolloutState == .failed && (deploymentsOfDigest.contains($0.id) || deploymentsOfDigest.isEmpty) }) {
            return GateResult(name: name, passed: false, reason: "\(env) deployment \(failed.id) FAILED\(failed.rolloutReason.map { ": \($0)" } ?? "")")
        }
        // ECS forgets a failed deployment once it has rolled back; its events still tell.
        for deployment in deploymentsOfDigest.sorted() {
            if let event = service.events.first(where: { $0.message.contains("(deployment \(deployment))") && $0.message.contains("deployment failed") }) {
                let when = event.createdAt.map { " \(Age.format(facts.now.timeIntervalSince($0))) ago" } ?? ""
                return GateResult(name: name, passed: false,
                                  reason: "ECS rolled back \(DigestText.short(facts.digest)) in \(env)\(when): \(event.message)")
            }
        }
        guard let primary = service.primaryDeployment else {
            return GateResult(name: name, passed: true, reason: "ECS reports no deployment for \(env)/\(service.name); not verified", unverified: true)
        }
        if primary.rolloutState == .inProgress {
            return GateResult(name: name, passed: true, reason: "\(env) deployment \(primary.id) is still in progress (see source healthy)", unverified: true)
        }
        guard !deploymentsOfDigest.isEmpty else {
            // No task ties a deployment to the digest (they are gone, or ECS reports no digests): a circuit-breaker
            // failure since the build was pushed, with no task running it, can only have been this build's.
            if let pushedAt = facts.pushedAt, !service.runningDigests.contains(facts.digest),
               let event = service.events.first(where: { $0.message.contains("deployment failed") && ($0.createdAt ?? .distantPast) > pushedAt }) {
                let when = event.createdAt.map { " \(Age.format(facts.now.timeIntervalSince($0))) ago" } ?? ""
                return GateResult(name: name, passed: false,
                                  reason: "a deployment in \(env) failed\(when), after \(DigestText.short(facts.digest)) was pushed, and no task there runs it: \(event.message)")
            }
            return GateResult(name: name, passed: true, reason: "ECS reports no image digests to tie \(env)'s deployments to \(DigestText.short(facts.digest)); not verified",
                              unverified: true)
        }
        guard deploymentsOfDigest.contains(primary.id) else {
            return GateResult(name: name, passed: false, reason: "\(env)'s current deployment \(primary.id) does not run \(DigestText.short(facts.digest))")
        }
        return GateResult(name: name, passed: true, reason: "\(env) deployment \(primary.id) \(primary.rolloutState?.wire ?? "steady") with \(DigestText.short(facts.digest))")
    }

    /// The digest has run in the source for at least `soak`, counted from the earliest running task that runs it.
    package static func soaked(_ facts: Facts) -> GateResult {
        let name = "soak"
        guard facts.soak > 0 else { return GateResult(name: name, passed: true, reason: "no soak time set (gates.soak)") }
        let env = facts.sourceEnvironment
        let starts = (facts.source?.runningTasks ?? []).filter { $0.imageDigest == facts.digest }.compactMap { $0.startedAt ?? $0.createdAt }
        guard let since = starts.min() else {
            return GateResult(name: name, passed: false, reason: "cannot tell how long \(env) has run \(DigestText.short(facts.digest)) (ECS reports no task digests or start times); gates.soak is \(Duration.format(facts.soak))")
        }
        let age = facts.now.timeIntervalSince(since)
        guard age >= facts.soak else {
            return GateResult(name: name, passed: false, reason: "\(env) has run it for \(Age.format(age)), gates.soak is \(Duration.format(facts.soak))")
        }
        return GateResult(name: name, passed: true, reason: "\(env) has run it for \(Age.format(age)) (gates.soak \(Duration.format(facts.soak)))")
    }

    /// No service that will be redeployed is already mid-deployment.
    package static func targetSettled(_ services: [ServiceSnapshot], environment: String) -> GateResult {
        let busy = services.filter(\.isDeploying).map(\.name)
        if busy.isEmpty { return GateResult(name: "target settled", passed: true, reason: "nothing deploying in \(environment)") }
        return GateResult(name: "target settled", passed: false, reason: "mid-deployment in \(environment): \(busy.joined(separator: ", "))")
    }

    /// Promotions go one step along the promotion order, so every build passes every environment.
    package static func adjacent(from: String, to: String, order: [String]) -> GateResult {
        guard let source = order.firstIndex(of: from), let target = order.firstIndex(of: to), target == source + 1 else {
            return GateResult(name: "adjacent", passed: false, reason: "\(to) does not follow \(from) in the promotion order (\(order.joined(separator: " → ")))")
        }
        return GateResult(name: "adjacent", passed: true, reason: "\(from) → \(to)")
    }
}
