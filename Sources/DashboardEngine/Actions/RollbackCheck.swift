import DashboardModel

/// Pure checks that keep a rollback from acting twice, and read a task-definition family.
package enum RollbackCheck {
    /// ECS's circuit breaker already rolled the service back: a FAILED deployment with a circuit-breaker
    /// reason sits beside the PRIMARY, or the tasks run something other than what the tag names after a rollback event.
    package static func ecsAlreadyRolledBack(_ service: ServiceSnapshot, tagDigest: String?) -> String? {
        if let failed = service.deployments.first(where: { $0.rolloutState == .failed && $0.status != "PRIMARY" }),
           (failed.rolloutReason ?? "").localizedCaseInsensitiveContains("circuit breaker") {
            return "ECS already rolled back \(service.name): deployment \(failed.id) FAILED (\(failed.rolloutReason ?? "")) and the PRIMARY runs the previous task set"
        }
        let running = service.runningDigests
        if let tagDigest, !running.isEmpty, !running.contains(tagDigest),
           service.events.prefix(10).contains(where: { $0.message.contains("rolling back") }) {
            return "ECS already rolled back \(service.name): its tasks run \(running.map { DigestText.short($0) }.joined(separator: ", ")), not the tag's \(DigestText.short(tagDigest))"
        }
        return nil
    }

    /// `family` from `arn:aws:ecs:…:task-definition/family:7` or `family:7`.
    package static func family(of taskDefinition: String) -> String {
        let name = taskDefinition.split(separator: "/").last.map(String.init) ?? taskDefinition
        return name.split(separator: ":").first.map(String.init) ?? name
    }
}
