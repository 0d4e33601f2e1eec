import Foundation

/// Every environment in promotion order plus the registry, with the facts the panes derive from them:
/// which digest each env tag points at, drift, and where neighbouring environments differ.
package struct FleetSnapshot: Equatable, Sendable {
    package var environments: [EnvironmentState]
    package var registry: RegistrySnapshot?
    /// The last window's problems, kept after ECS has recovered from them.
    package var problems: ProblemLog

    package init(environmentNames: [String], problemRules: ProblemRules = .standard) {
        environments = environmentNames.map { EnvironmentState(name: $0) }
        problems = ProblemLog(rules: problemRules)
    }

    /// The service's problems in the window, newest first.
    package func problems(_ service: String, in environment: String, now: Date) -> [ServiceProblem] {
        problems.problems(service, in: environment, now: now)
    }

    package var environmentNames: [String] { environments.map(\.name) }

    package func state(_ environment: String) -> EnvironmentState? {
        environments.first { $0.name == environment }
    }

    package func service(_ name: String, in environment: String) -> ServiceSnapshot? {
        state(environment)?.snapshot?.service(named: name)
    }

    /// Every service name seen in any environment, sorted.
    package var serviceNames: [String] {
        Array(Set(environments.flatMap { $0.snapshot?.services.map(\.name) ?? [] })).sorted()
    }

    /// The digest the service's env tag points at in ECR now.
    package func tagDigest(_ service: String, in environment: String) -> String? {
        guard let image = self.service(service, in: environment)?.image else { return nil }
        if let pinned = image.pinnedDigest { return pinned }
        guard let tag = image.tag else { return nil }
        return registry?.digest(repository: image.repository, tag: tag)
    }

    /// The registry could not be read for this service's repository just now: its digest is an earlier read's.
    package func tagDigestIsStale(_ service: String, in environment: String) -> Bool {
        guard let image = self.service(service, in: environment)?.image, image.pinnedDigest == nil else { return false }
        return registry?.isStale(repository: image.repository) ?? false
    }

    /// The tag points at one digest but running tasks report another; nil when either side is unknown.
    package func drift(_ service: String, in environment: String) -> Bool? {
        guard let tagDigest = tagDigest(service, in: environment),
              let running = self.service(service, in: environment)?.runningDigests, !running.isEmpty else { return nil }
        return running != [tagDigest]
    }

    /// This environment's image differs from the previous environment's: what promoting into it would change.
    package func differsFromPrevious(_ service: String, in environment: String) -> Bool? {
        guard let index = environments.firstIndex(where: { $0.name == environment }), index > 0 else { return nil }
        return differs(service, environments[index - 1].name, environment)
    }

    /// The next environment in promotion order runs a different image: a promotion is pending.
    package func differsFromNext(_ service: String, in environment: String) -> Bool? {
        guard let index = environments.firstIndex(where: { $0.name == environment }), index + 1 < environments.count else { return nil }
        return differs(service, environment, environments[index + 1].name)
    }

    private func differs(_ service: String, _ first: String, _ second: String) -> Bool? {
        guard let a = tagDigest(service, in: first), let b = tagDigest(service, in: second) else { return nil }
        return a != b
    }

    /// Repositories any environment's services use, for the registry poll.
    package var repositories: [String] {
        Array(Set(environments.flatMap { $0.snapshot?.services.compactMap { $0.image?.repository } ?? [] })).sorted()
    }

    /// Applies a poller event: the one reducer step for fleet data.
    package mutating func apply(_ event: FleetEvent) {
        switch event {
        case .pollStarted(let name, _):
            update(name) { $0.polling = true }
        case .environmentFetched(var snapshot):
            if !snapshot.services.isSorted(by: { $0.name < $1.name }) { snapshot.services.sort { $0.name < $1.name } }
            update(snapshot.environment) {
                $0.snapshot = snapshot
                $0.error = nil
                $0.polling = false
            }
            problems.record(snapshot, now: snapshot.fetchedAt)
        case .environmentFailed(let name, let error):
            update(name) {
                $0.error = error
                $0.polling = false
            }
        case .registryFetched(let snapshot):
            registry = snapshot.keepingWhatFailed(from: registry)
        }
    }

    private mutating func update(_ name: String, _ change: (inout EnvironmentState) -> Void) {
        guard let index = environments.firstIndex(where: { $0.name == name }) else { return }
        change(&environments[index])
    }
}

extension Array {
    package func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
        zip(self, dropFirst()).allSatisfy { !areInIncreasingOrder($1, $0) }
    }
}
