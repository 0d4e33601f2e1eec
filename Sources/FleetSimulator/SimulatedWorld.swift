import Foundation

/// Everything the simulated AWS holds: the registry's repositories, each environment's account, and the
/// keys it has handed out. Built deterministically from a seed; touched only under the fleet's lock.
package final class SimulatedWorld {
    package let region: String
    package let seed: UInt64
    package var settings = SimulatedSettings()
    package private(set) var repositories: [SimulatedRepository] = []
    private var repositoryIndex: [String: Int] = [:]
    /// Environment accounts by account id.
    package private(set) var accounts: [String: SimulatedAccount] = [:]
    /// Access key id → who it belongs to.
    package var identities: [String: SimulatedIdentity] = [:]
    private var issuedKeys = 0
    private var requests = 0

    package init(now: Double, servicesPerEnvironment: Int, tasksPerService: Int, seed: UInt64) {
        region = SimulatedFleet.region
        self.seed = seed
        let base = SimulatedFleet.demoCredentials
        identities[base.accessKeyId] = SimulatedIdentity(
            account: SimulatedFleet.baseAccount, arn: "arn:aws:iam::\(SimulatedFleet.baseAccount):user/demo",
            userId: "AIDA" + SimulatedRandom.hex(SimulatedRandom.hash(seed, "user"), count: 16).uppercased(), roleName: nil,
            secretAccessKey: base.secretAccessKey, sessionToken: nil, expiration: nil)
        let count = max(1, servicesPerEnvironment)
        for index in 0..<count { addRepository(service: Self.serviceName(index), index: index, count: count, now: now) }
        let crashes = settings.crashMeanSeconds
        settings.crashMeanSeconds = nil
        for (index, environment) in SimulatedFleet.environmentNames.enumerated() {
            addAccount(environment: environment, index: index, serviceCount: count, tasksPerService: max(1, tasksPerService), now: now)
        }
        settings.crashMeanSeconds = crashes
        if let crashes {
            for account in accounts.values {
                for service in account.services { service.scheduleCrashes(after: now, meanSeconds: crashes) }
            }
        }
    }

    /// Service names: a familiar list, then `svc-N` for large fleets.
    package static func serviceName(_ index: Int) -> String {
        let names = ["frontend", "backend", "worker", "payments", "search", "notifications", "auth", "orders", "inventory", "reports"]
        return index < names.count ? names[index] : "svc-\(index + 1)"
    }

    /// Services that take web traffic sit behind a load balancer target group.
    package static func hasLoadBalancer(_ index: Int) -> Bool {
        index < 10 ? [0, 1, 3, 4, 6, 7].contains(index) : index % 2 == 0
    }

    // MARK: Lookups

    package func repository(_ name: String) -> SimulatedRepository? {
        repositoryIndex[name].map { repositories[$0] }
    }

    package func updateRepository(_ repository: SimulatedRepository) {
        guard let index = repositoryIndex[repository.name] else { return }
        repositories[index] = repository
    }

    /// The environment account resources of `account` in `region`; nil for accounts (and regions) with none.
    package func environmentAccount(_ account: String, region: String) -> SimulatedAccount? {
        region == self.region ? accounts[account] : nil
    }

    package func account(forEnvironment name: String) -> String? {
        if name == "registry" { return SimulatedFleet.registryAccount }
        return SimulatedFleet.environmentAccounts[name]
    }

    package func nextRequestId() -> String {
        requests += 1
        return SimulatedRandom.uuid(SimulatedRandom.hash(seed, "request", String(requests)))
    }

    /// Fresh temporary keys for an assumed role.
    package func issueKeys() -> (accessKeyId: String, secret: String, token: String) {
        issuedKeys += 1
        let hash = SimulatedRandom.hash(seed, "keys", String(issuedKeys))
        let id = "ASIA" + SimulatedRandom.hex(hash, count: 16).uppercased()
        let secret = SimulatedRandom.hex(SimulatedRandom.mix(hash), count: 40)
        let token = "IQoJb3JpZ2luX2VjE" + SimulatedRandom.hex(SimulatedRandom.mix(hash &+ 1), count: 120)
        return (id, secret, token)
    }

    // MARK: Deployments

    /// A deployment of `definition` with its image tag resolved to the digest it points at now, as ECS does.
    package func deployment(of definition: SimulatedTaskDefinition, at now: Double) -> SimulatedDeployment {
        let container = definition.container
        let image = resolve(image: container.image, pulledAt: now)
        return SimulatedDeployment(
            id: "", status: "PRIMARY", taskDefinitionArn: definition.arn, containerName: container.name, image: container.image,
            digest: image?.digest, isBadBuild: image?.isBad ?? false, cpu: definition.cpu, memory: definition.memory,
            createdAt: now, updatedAt: now, rolloutState: "IN_PROGRESS", rolloutStateReason: "")
    }

    /// Finds the registry image an image reference (`host/repo:tag` or `host/repo@sha256:…`) names, and notes the pull.
    package func resolve(image reference: String, pulledAt now: Double?) -> SimulatedImage? {
        let host = "\(SimulatedFleet.registryAccount).dkr.ecr.\(region).amazonaws.com/"
        guard reference.hasPrefix(host) else { return nil }
        let path = reference.dropFirst(host.count)
        let name: Substring
        var tag: String?
        var digest: String?
        if let at = path.firstIndex(of: "@") {
            name = path[..<at]
            digest = String(path[path.index(after: at)...])
        } else if let colon = path.lastIndex(of: ":") {
            name = path[..<colon]
            tag = String(path[path.index(after: colon)...])
        } else {
            name = path
            tag = "latest"
        }
        guard let index = repositoryIndex[String(name)],
              let imageIndex = repositories[index].images.firstIndex(where: { tag.map($0.tags.contains) ?? ($0.digest == digest) }) else {
            return nil
        }
        if let now { repositories[index].images[imageIndex].lastPulledAt = now }
        return repositories[index].images[imageIndex]
    }

    // MARK: Building the world

    private func addRepository(service: String, index: Int, count: Int, now: Double) {
        let name = "myapp-\(service)"
        let registry = SimulatedFleet.registryAccount
        let plan = SimulatedTagPlan.make(serviceIndex: index, serviceCount: count, seed: seed)
        var repository = SimulatedRepository(name: name, arn: "arn:aws:ecr:\(region):\(registry):repository/\(name)",
                                             uri: "\(registry).dkr.ecr.\(region).amazonaws.com/\(name)", createdAt: (now - 400 * 86_400).rounded(.down))
        let firstBuild = 100 + Int(SimulatedRandom.hash(seed, name, "builds") % 300)
        for build in 0..<SimulatedTagPlan.buildCount {
            let number = firstBuild + build
            let manifest = SimulatedManifest.text(seed: seed, repository: name, build: number, isBad: build == plan.badBuild)
            let age = Double(SimulatedTagPlan.buildCount - build) * 1.5 * 86_400 + Double(SimulatedRandom.hash(seed, name, String(build)) % 7200)
            let envTags = plan.tags.filter { $0.value == build }.map(\.key).sorted()
            repository.images.append(SimulatedImage(manifest: manifest, mediaType: SimulatedManifest.mediaType,
                                                    tags: ["build-\(number)"] + envTags, pushedAt: Int(now - age)))
        }
        repositoryIndex[name] = repositories.count
        repositories.append(repository)
    }

    private func addAccount(environment: String, index: Int, serviceCount: Int, tasksPerService: Int, now: Double) {
        guard let accountId = SimulatedFleet.environmentAccounts[environment] else { return }
        let place = SimulatedPlace(environment: environment, environmentIndex: index, account: accountId, region: region,
                                   clusterName: "app-\(environment)", seed: seed)
        let account = SimulatedAccount(place: place)
        let created = now - 90 * 86_400
        let pipelineHash = SimulatedRandom.hash(seed, accountId, "pipeline")
        account.pipelines = [SimulatedPipeline(name: "myapp-\(environment)-deploy", place: place, created: created,
                                               period: 300 + Double(pipelineHash % 120), anchor: created + Double(pipelineHash % 300))]
        for serviceIndex in 0..<serviceCount {
            account.add(makeService(serviceIndex, serviceCount: serviceCount, in: account, tasksPerService: tasksPerService, now: now))
            if let target = SimulatedScalableTarget.plausible(serviceIndex: serviceIndex, serviceName: Self.serviceName(serviceIndex), place: place,
                                                               tasksPerService: tasksPerService, now: now) {
                account.addScalableTarget(target)
            }
        }
        accounts[accountId] = account
    }

    /// A service whose history is replayed from its last deployment to now, so its tasks, events and logs are real.
    private func makeService(_ index: Int, serviceCount: Int, in account: SimulatedAccount, tasksPerService: Int, now: Double) -> SimulatedService {
        let place = account.place
        let name = Self.serviceName(index)
        let hash = SimulatedRandom.hash(seed, place.account, name)
        let deployedAt = now - 7200 - Double(hash % 100_000)
        let revision = 3 + Int(hash % 15)
        for (number, registeredAt) in [(revision - 1, deployedAt - 12 * 86_400), (revision, deployedAt - 300)] {
            account.register(SimulatedTaskDefinition.initial(
                environment: place.environment, account: place.account, region: region, service: name, registry: SimulatedFleet.registryAccount,
                revision: number, registeredAt: registeredAt, withPort: Self.hasLoadBalancer(index)))
        }
        guard let definition = account.taskDefinition("\(place.environment)-\(name):\(revision)") else {
            preconditionFailure("the task definition was just registered")
        }
        let targetGroup = Self.hasLoadBalancer(index) ? account.addTargetGroup(for: name) : nil
        let service = SimulatedService(name: name, place: place, createdAt: now - 300 * 86_400, desiredCount: tasksPerService,
                                       taskDefinitionArn: definition.arn, targetGroupArn: targetGroup)
        let plan = SimulatedTagPlan.make(serviceIndex: index, serviceCount: serviceCount, seed: seed)
        let current = deployment(of: definition, at: deployedAt)
        if let running = plan.runningOverride[place.environment], let repository = repository("myapp-\(name)") {
            // The history behind the drift: the good build ran, then the bad one was deployed and rolled back.
            var good = current
            good.digest = repository.images[running].digest
            good.isBadBuild = false
            service.startDeployment(good, at: deployedAt - 86_400, settings: settings)
            service.advance(to: deployedAt, settings: settings)
        }
        service.startDeployment(current, at: deployedAt, settings: settings)
        service.advance(to: now, settings: settings)
        return service
    }
}
