/// The gates a promotion must pass, as pure functions of what the last read saw.
enum PromotionGates {
    static func evaluate(source: ServiceSnapshot?, sourceEnvironment: String, targets: [ServiceSnapshot], targetEnvironment: String,
                         order: [String]) -> [GateResult] {
        [
            sourceHealthy(source, environment: sourceEnvironment),
            targetSettled(targets, environment: targetEnvironment),
            adjacent(from: sourceEnvironment, to: targetEnvironment, order: order),
        ]
    }

    /// The image being promoted runs well where it is: rollout COMPLETED (or none reported), all tasks up, none unhealthy.
    static func sourceHealthy(_ service: ServiceSnapshot?, environment: String) -> GateResult {
        let name = "source healthy"
        guard let service else { return GateResult(name: name, passed: false, reason: "no such service in \(environment)") }
        if let state = service.rolloutState, state != "COMPLETED" {
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
        return GateResult(name: name, passed: true, reason: "\(environment)/\(service.name) \(service.rolloutState ?? "steady"), \(service.running)/\(service.desired) running")
    }

    /// No service that will be redeployed is already mid-deployment.
    static func targetSettled(_ services: [ServiceSnapshot], environment: String) -> GateResult {
        let busy = services.filter(\.isDeploying).map(\.name)
        if busy.isEmpty { return GateResult(name: "target settled", passed: true, reason: "nothing deploying in \(environment)") }
        return GateResult(name: "target settled", passed: false, reason: "mid-deployment in \(environment): \(busy.joined(separator: ", "))")
    }

    /// Promotions go one step along the promotion order, so every build passes every environment.
    static func adjacent(from: String, to: String, order: [String]) -> GateResult {
        guard let source = order.firstIndex(of: from), let target = order.firstIndex(of: to), target == source + 1 else {
            return GateResult(name: "adjacent", passed: false, reason: "\(to) does not follow \(from) in the promotion order (\(order.joined(separator: " → ")))")
        }
        return GateResult(name: "adjacent", passed: true, reason: "\(from) → \(to)")
    }
}
