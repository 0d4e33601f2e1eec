import Foundation

/// One ECS service in one environment as of a poll: counts, rollout, deployments, events, image, tasks.
struct ServiceSnapshot: Equatable, Sendable, Codable {
    var name: String
    var arn: String
    var status: String
    var desired: Int
    var running: Int
    var pending: Int
    /// The PRIMARY deployment's rollout state (IN_PROGRESS, COMPLETED, FAILED), when ECS reports one.
    var rolloutState: String?
    var rolloutReason: String?
    var taskDefinitionArn: String
    var deployments: [DeploymentSnapshot]
    /// Newest first, at most `ServiceSnapshot.eventLimit`.
    var events: [ServiceEventSnapshot]
    var image: ImageReference?
    var tasks: [TaskSnapshot]
    var targetHealth: [TargetHealthSnapshot]
    var circuitBreakerRollback: Bool
    /// Where the main container's awslogs driver writes, for the logs pane.
    var logs: LogSettings?

    /// All ECS keeps: the circuit breaker's events must still be there when a gate looks for them.
    static let eventLimit = 100

    var runningTasks: [TaskSnapshot] { tasks.filter { $0.lastStatus == "RUNNING" } }

    /// Distinct image digests the running tasks report, sorted. Written as plain loops: the matrix asks
    /// for this and the counts below for every cell of every frame.
    var runningDigests: [String] {
        var digests: [String] = []
        for task in tasks where task.lastStatus == "RUNNING" {
            if let digest = task.imageDigest, !digests.contains(digest) { digests.append(digest) }
        }
        return digests.count > 1 ? digests.sorted() : digests
    }

    var unhealthyTaskCount: Int {
        var count = 0
        for task in tasks where task.lastStatus == "RUNNING" && task.health == "UNHEALTHY" { count += 1 }
        return count
    }

    var stoppedTaskCount: Int {
        var count = 0
        for task in tasks where task.lastStatus == "STOPPED" { count += 1 }
        return count
    }

    /// A rollout is under way: more than one deployment, or the primary says IN_PROGRESS.
    var isDeploying: Bool {
        rolloutState == "IN_PROGRESS" || deployments.filter { $0.status != "INACTIVE" }.count > 1
    }

    var primaryDeployment: DeploymentSnapshot? { deployments.first { $0.status == "PRIMARY" } }
}

/// A container's awslogs settings: the group, and the prefix that makes stream names `prefix/container/task-id`.
struct LogSettings: Equatable, Sendable, Codable {
    var group: String
    var streamPrefix: String?
    var region: String?
    var container: String

    func stream(forTask taskId: String) -> String? {
        streamPrefix.map { "\($0)/\(container)/\(taskId)" }
    }
}

/// One deployment of a service (PRIMARY is the newest; ACTIVE ones are being replaced).
struct DeploymentSnapshot: Equatable, Sendable, Codable {
    var id: String
    var status: String
    var taskDefinitionArn: String
    var revision: Int?
    var desired: Int
    var running: Int
    var pending: Int
    var failed: Int
    var rolloutState: String?
    var rolloutReason: String?
    var createdAt: Date?
    var updatedAt: Date?
}

/// An ECS service event line.
struct ServiceEventSnapshot: Equatable, Sendable, Codable {
    var id: String
    var createdAt: Date?
    var message: String
}

/// The image a service's task definition names, split into registry, repository and tag.
struct ImageReference: Equatable, Sendable, Codable {
    /// `111111111111.dkr.ecr.eu-west-1.amazonaws.com`; empty for Docker Hub images.
    var registry: String
    var repository: String
    /// The tag, or nil when the image is pinned by digest.
    var tag: String?
    /// The digest the image string pins, if any (`repo@sha256:…`).
    var pinnedDigest: String?

    /// Parses `registry/repo:tag`, `repo@sha256:…` and plain `repo`.
    static func parse(_ image: String) -> ImageReference {
        var rest = Substring(image)
        var digest: String?
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        var tag: String?
        // Byte searches: `Substring.contains("/")` would resolve to Foundation's string search, which the poller
        // pays for every service on every refresh.
        if let colon = rest.lastIndex(of: ":"), !rest[colon...].utf8.contains(UInt8(ascii: "/")) {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        }
        var registry = ""
        if let slash = rest.firstIndex(of: "/"), rest[..<slash].utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") }) {
            registry = String(rest[..<slash])
            rest = rest[rest.index(after: slash)...]
        }
        return ImageReference(registry: registry, repository: String(rest), tag: tag ?? (digest == nil ? "latest" : nil), pinnedDigest: digest)
    }

    /// The ECR account id when the registry is an ECR registry.
    var registryAccount: String? {
        guard registry.contains(".dkr.ecr.") else { return nil }
        return registry.split(separator: ".").first.map(String.init)
    }
}

/// A task with what people debugging it look at.
struct TaskSnapshot: Equatable, Sendable, Codable {
    var id: String
    var arn: String
    var lastStatus: String
    var desiredStatus: String
    var health: String
    var createdAt: Date?
    var startedAt: Date?
    var stoppedAt: Date?
    var stoppedReason: String?
    var stopCode: String?
    var availabilityZone: String?
    var privateIP: String?
    var taskDefinitionArn: String
    var revision: Int?
    var containers: [ContainerSnapshot]
    /// The deployment that started it (`ecs-svc/…`) for a service's task.
    var startedBy: String?

    /// The service container's digest: the first container that reports one.
    var imageDigest: String? {
        for container in containers {
            if let digest = container.imageDigest { return digest }
        }
        return nil
    }
}

/// A container of a task.
struct ContainerSnapshot: Equatable, Sendable, Codable {
    var name: String
    var image: String?
    var imageDigest: String?
    var lastStatus: String?
    var exitCode: Int?
    var reason: String?
    var health: String?
}

/// A load balancer target's health.
struct TargetHealthSnapshot: Equatable, Sendable, Codable {
    var targetId: String
    var port: Int?
    var state: String
    var reason: String?
    var description: String?
}
