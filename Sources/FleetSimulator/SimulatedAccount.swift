/// One environment's AWS account: its ECS cluster, services and task definitions, pipelines, target groups and
/// scalable targets.
package final class SimulatedAccount {
    package let place: SimulatedPlace
    package let loadBalancerArn: String
    package private(set) var services: [SimulatedService] = []
    private var serviceIndex: [String: Int] = [:]
    /// family → revision → definition.
    package private(set) var taskDefinitions: [String: [Int: SimulatedTaskDefinition]] = [:]
    package var pipelines: [SimulatedPipeline] = []
    package private(set) var targetGroups: [SimulatedTargetGroup] = []
    /// Application Auto Scaling's bounds on some services' desired counts.
    package private(set) var scalableTargets: [SimulatedScalableTarget] = []

    package init(place: SimulatedPlace) {
        self.place = place
        loadBalancerArn = "arn:aws:elasticloadbalancing:\(place.region):\(place.account):loadbalancer/app/\(place.clusterName)/"
            + SimulatedRandom.hex(SimulatedRandom.hash(place.seed, place.account, "alb"), count: 16)
    }

    package func add(_ service: SimulatedService) {
        serviceIndex[service.name] = services.count
        services.append(service)
    }

    package func addTargetGroup(for service: String) -> String {
        let name = "\(place.environment)-\(service)".prefix(32)
        let arn = "arn:aws:elasticloadbalancing:\(place.region):\(place.account):targetgroup/\(name)/"
            + SimulatedRandom.hex(SimulatedRandom.hash(place.seed, place.account, "tg", service), count: 16)
        targetGroups.append(SimulatedTargetGroup(name: String(name), arn: arn, serviceName: service, loadBalancerArn: loadBalancerArn))
        return arn
    }

    package func addScalableTarget(_ target: SimulatedScalableTarget) {
        scalableTargets.append(target)
    }

    package func register(_ definition: SimulatedTaskDefinition) {
        taskDefinitions[definition.family, default: [:]][definition.revision] = definition
    }

    /// The next revision number of a family.
    package func nextRevision(of family: String) -> Int {
        (taskDefinitions[family]?.keys.max() ?? 0) + 1
    }

    /// A service by name or ARN.
    package func service(_ reference: String) -> SimulatedService? {
        let name = reference.hasPrefix("arn:") ? String(reference.split(separator: "/").last ?? "") : reference
        return serviceIndex[name].map { services[$0] }
    }

    /// A task definition by `family`, `family:revision` or ARN; a bare family means its latest revision.
    package func taskDefinition(_ reference: String) -> SimulatedTaskDefinition? {
        var text = Substring(reference)
        if text.hasPrefix("arn:") {
            guard let slash = text.lastIndex(of: "/") else { return nil }
            text = text[text.index(after: slash)...]
        }
        let parts = text.split(separator: ":")
        guard let family = parts.first.map(String.init), let revisions = taskDefinitions[family] else { return nil }
        if parts.count == 2 {
            guard let revision = Int(parts[1]) else { return nil }
            return revisions[revision]
        }
        return revisions.keys.max().flatMap { revisions[$0] }
    }

    /// Whether `reference` names this account's cluster (by name or ARN).
    package func isCluster(_ reference: String?) -> Bool {
        reference == place.clusterName || reference == place.clusterArn
    }

    /// Brings every service up to `now`.
    package func advance(to now: Double, settings: SimulatedSettings) {
        for service in services { service.advance(to: now, settings: settings) }
    }

    /// A task by id or ARN, with its service.
    package func task(_ reference: String) -> (service: SimulatedService, task: SimulatedTask)? {
        let id = reference.split(separator: "/").last.map(String.init) ?? reference
        for service in services {
            if let task = service.tasks.first(where: { $0.id == id }) { return (service, task) }
        }
        return nil
    }
}
