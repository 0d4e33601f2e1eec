import Foundation

/// Reads the problems a service's snapshot shows right now: failed and rolled-back deployments (from the
/// deployments ECS still lists and from its events, which outlive them), tasks that stopped on their own, and a
/// rollout that has not finished within the stuck threshold.
package enum ProblemFinder {
    package static func problems(of service: ServiceSnapshot, environment: String, now: Date, rules: ProblemRules) -> [ServiceProblem] {
        deploymentProblems(service, environment: environment, now: now)
            + eventProblems(service, environment: environment)
            + crashes(service, environment: environment, now: now)
            + stuck(service, environment: environment, now: now, rules: rules)
    }

    private static func deploymentProblems(_ service: ServiceSnapshot, environment: String, now: Date) -> [ServiceProblem] {
        let primary = service.deployments.first { $0.status == "PRIMARY" }
        return service.deployments.filter { $0.rolloutState == .failed }.map { deployment in
            // A failed deployment that is no longer PRIMARY was replaced: the circuit breaker rolled it back.
            let replaced = primary.map { $0.id != deployment.id } ?? false
            return ServiceProblem(environment: environment, service: service.name, kind: replaced ? .rolledBack : .failed,
                                  at: deployment.updatedAt ?? deployment.createdAt ?? now, key: "deployment \(deployment.id)",
                                  detail: deployment.rolloutReason ?? "deployment \(deployment.id) failed")
        }
    }

    /// ECS's events name failed and rolled-back deployments for long after the deployments themselves are gone.
    private static func eventProblems(_ service: ServiceSnapshot, environment: String) -> [ServiceProblem] {
        service.events.compactMap { event in
            guard event.message.contains("deployment failed"), let at = event.createdAt, let id = deploymentId(in: event.message) else { return nil }
            let rolledBack = service.events.contains { $0.message.contains("rolling back to deployment") && ($0.createdAt ?? .distantPast) >= at }
            return ServiceProblem(environment: environment, service: service.name, kind: rolledBack ? .rolledBack : .failed, at: at,
                                  key: "deployment \(id)", detail: event.message)
        }
    }

    /// `(deployment ecs-svc/123)` in an event's words.
    static func deploymentId(in message: String) -> String? {
        guard let range = message.range(of: "(deployment ") else { return nil }
        let rest = message[range.upperBound...]
        guard let end = rest.firstIndex(of: ")") else { return nil }
        return String(rest[..<end])
    }

    private static func crashes(_ service: ServiceSnapshot, environment: String, now: Date) -> [ServiceProblem] {
        service.tasks.compactMap { task in
            guard task.desiredStatus == "STOPPED", let reason = crashReason(task) else { return nil }
            return ServiceProblem(environment: environment, service: service.name, kind: .crash(reason: reason),
                                  at: task.stoppedAt ?? now, key: "task \(task.id)", detail: task.stoppedReason ?? reason)
        }
    }

    /// Why a task stopped on its own, in a word or two; nil when ECS or a person stopped it (a deployment, scaling).
    package static func crashReason(_ task: TaskSnapshot) -> String? {
        let containerReasons = task.containers.compactMap(\.reason)
        if containerReasons.contains(where: { $0.contains("OutOfMemory") }) || task.containers.contains(where: { $0.exitCode == 137 }) {
            return "OOM"
        }
        if task.stopCode == "TaskFailedToStart" || (task.stoppedReason ?? "").contains("CannotPull") { return "failed to start" }
        if (task.stoppedReason ?? "").contains("failed container health checks") || (task.stoppedReason ?? "").contains("failed ELB health checks") {
            return "health check"
        }
        if task.stopCode == "EssentialContainerExited" {
            let code = task.containers.compactMap(\.exitCode).first { $0 != 0 }
            return code.map { "exit \($0)" } ?? "exited"
        }
        return nil
    }

    private static func stuck(_ service: ServiceSnapshot, environment: String, now: Date, rules: ProblemRules) -> [ServiceProblem] {
        guard let primary = service.deployments.first(where: { $0.status == "PRIMARY" }), primary.rolloutState == .inProgress,
              let started = primary.createdAt, now.timeIntervalSince(started) > rules.stuckAfter else { return [] }
        return [ServiceProblem(environment: environment, service: service.name, kind: .stuck, at: started, key: "stuck \(primary.id)",
                               detail: "deployment \(primary.id): \(primary.running)/\(primary.desired) running, \(primary.failed) failed")]
    }
}
