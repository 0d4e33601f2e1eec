import Foundation

/// One ECS service in one environment as of a poll: counts, rollout, deployments, events, image, tasks.
package struct ServiceSnapshot: Equatable, Sendable, Codable {
    package var name: String
    package var arn: String
    package var status: String
    package var desired: Int
    package var running: Int
    package var pending: Int
    /// The PRIMARY deployment's rollout state, when ECS reports one (moto and old services do not).
    package var rolloutState: RolloutState?
    package var rolloutReason: String?
    package var taskDefinitionArn: String
    package var deployments: [DeploymentSnapshot]
    /// Newest first, at most `ServiceSnapshot.eventLimit`.
    package var events: [ServiceEventSnapshot]
    package var image: ImageReference?
    package var tasks: [TaskSnapshot]
    package var targetHealth: [TargetHealthSnapshot]
    package var circuitBreakerRollback: Bool
    /// Where the main container's awslogs driver writes, for the logs pane.
    package var logs: LogSettings?

    /// All ECS keeps: the circuit breaker's events must still be there when a gate looks for them.
    package static let eventLimit = 100

    package var runningTasks: [TaskSnapshot] { tasks.filter { $0.lastStatus == "RUNNING" } }

    /// Distinct image digests the running tasks report, sorted. Written as plain loops: the matrix asks
    /// for this and the counts below for every cell of every frame.
    package var runningDigests: [String] {
        var digests: [String] = []
        for task in tasks where task.lastStatus == "RUNNING" {
            if let digest = task.imageDigest, !digests.contains(digest) { digests.append(digest) }
        }
        return digests.count > 1 ? digests.sorted() : digests
    }

    package var unhealthyTaskCount: Int {
        var count = 0
        for task in tasks where task.lastStatus == "RUNNING" && task.health == "UNHEALTHY" { count += 1 }
        return count
    }

    package var stoppedTaskCount: Int {
        var count = 0
        for task in tasks where task.lastStatus == "STOPPED" { count += 1 }
        return count
    }

    /// A rollout is under way: more than one deployment, or the primary says IN_PROGRESS.
    package var isDeploying: Bool {
        rolloutState == .inProgress || deployments.filter { $0.status != "INACTIVE" }.count > 1
    }

    package var primaryDeployment: DeploymentSnapshot? { deployments.first { $0.status == "PRIMARY" } }

    package init(
        name: String,
        arn: String,
        status: String,
        desired: Int,
        running: Int,
        pending: Int,
        rolloutState: RolloutState? = nil,
        rolloutReason: String? = nil,
        taskDefinitionArn: String,
        deployments: [DeploymentSnapshot],
        events: [ServiceEventSnapshot],
        image: ImageReference? = nil,
        tasks: [TaskSnapshot],
        targetHealth: [TargetHealthSnapshot],
        circuitBreakerRollback: Bool,
        logs: LogSettings? = nil
    ) {
        self.name = name
        self.arn = arn
        self.status = status
        self.desired = desired
        self.running = running
        self.pending = pending
        self.rolloutState = rolloutState
        self.rolloutReason = rolloutReason
        self.taskDefinitionArn = taskDefinitionArn
        self.deployments = deployments
        self.events = events
        self.image = image
        self.tasks = tasks
        self.targetHealth = targetHealth
        self.circuitBreakerRollback = circuitBreakerRollback
        self.logs = logs
    }
}

/// A container's awslogs settings: the group, and the prefix that makes stream names `prefix/container/task-id`.
package struct LogSettings: Equatable, Sendable, Codable {
    package var group: String
    package var streamPrefix: String?
    package var region: String?
    package var container: String

    package func stream(forTask taskId: String) -> String? {
        streamPrefix.map { "\($0)/\(container)/\(taskId)" }
    }

    package init(group: String, streamPrefix: String? = nil, region: String? = nil, container: String) {
        self.group = group
        self.streamPrefix = streamPrefix
        self.region = region
        self.container = container
    }
}

/// One deployment of a service (PRIMARY is the newest; ACTIVE ones are being replaced).
package struct DeploymentSnapshot: Equatable, Sendable, Codable {
    package var id: String
    package var status: String
    package var taskDefinitionArn: String
    package var revision: Int?
    package var desired: Int
    package var running: Int
    package var pending: Int
    package var failed: Int
    package var rolloutState: RolloutState?
    package var rolloutReason: String?
    package var createdAt: Date?
    package var updatedAt: Date?

    package init(
        id: String,
        status: String,
        taskDefinitionArn: String,
        revision: Int? = nil,
        desired: Int,
        running: Int,
        pending: Int,
        failed: Int,
        rolloutState: RolloutState? = nil,
        rolloutReason: String? = nil,
        createdAt: Date? = nil,
        updatedAt: Date? = nil
    ) {
        self.id = id
        self.status = status
        self.taskDefinitionArn = taskDefinitionArn
        self.revision = revision
        self.desired = desired
        self.running = running
        self.pending = pending
        self.failed = failed
        self.rolloutState = rolloutState
        self.rolloutReason = rolloutReason
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// An ECS service event line.
package struct ServiceEventSnapshot: Equatable, Sendable, Codable {
    package var id: String
    package var createdAt: Date?
    package var message: String

    package init(id: String, createdAt: Date? = nil, message: String) {
        self.id = id
        self.createdAt = createdAt
        self.message = message
    }
}

/// The image a service's task definition names, split into registry, repository and tag.
package struct ImageReference: Equatable, Sendable, Codable {
    /// `111111111111.dkr.ecr.eu-west-1.amazonaws.com`; empty for Docker Hub images.
    package var registry: String
    package var repository: String
    /// The tag, or nil when the image is pinned by digest.
    package var tag: String?
    /// The digest the image string pins, if any (`repo@sha256:…`).
    package var pinnedDigest: String?

    /// Parses `registry/repo:tag`, `repo@sha256:…` and plain `repo`.
    package static func parse(_ image: String) -> ImageReference {
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
    package var registryAccount: String? {
        guard registry.contains(".dkr.ecr.") else { return nil }
        return registry.split(separator: ".").first.map(String.init)
    }
}

/// A task with what people debugging it look at.
package struct TaskSnapshot: Equatable, Sendable, Codable {
    package var id: String
    package var arn: String
    package var lastStatus: String
    package var desiredStatus: String
    package var health: String
    package var createdAt: Date?
    package var startedAt: Date?
    package var stoppedAt: Date?
    package var stoppedReason: String?
    package var stopCode: String?
    package var availabilityZone: String?
    package var privateIP: String?
    package var taskDefinitionArn: String
    package var revision: Int?
    package var containers: [ContainerSnapshot]
    /// The deployment that started it (`ecs-svc/…`) for a service's task.
    package var startedBy: String?

    /// The service container's digest: the first container that reports one.
    package var imageDigest: String? {
        for container in containers {
            if let digest = container.imageDigest { return digest }
        }
        return nil
    }

    package init(
        id: String,
        arn: String,
        lastStatus: String,
        desiredStatus: String,
        health: String,
        createdAt: Date? = nil,
        startedAt: Date? = nil,
        stoppedAt: Date? = nil,
        stoppedReason: String? = nil,
        stopCode: String? = nil,
        availabilityZone: String? = nil,
        privateIP: String? = nil,
        taskDefinitionArn: String,
        revision: Int? = nil,
        containers: [ContainerSnapshot],
        startedBy: String? = nil
    ) {
        self.id = id
        self.arn = arn
        self.lastStatus = lastStatus
        self.desiredStatus = desiredStatus
        self.health = health
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.stoppedAt = stoppedAt
        self.stoppedReason = stoppedReason
        self.stopCode = stopCode
        self.availabilityZone = availabilityZone
        self.privateIP = privateIP
        self.taskDefinitionArn = taskDefinitionArn
        self.revision = revision
        self.containers = containers
        self.startedBy = startedBy
    }
}

/// A container of a task.
package struct ContainerSnapshot: Equatable, Sendable, Codable {
    package var name: String
    package var image: String?
    package var imageDigest: String?
    package var lastStatus: String?
    package var exitCode: Int?
    package var reason: String?
    package var health: String?

    package init(
        name: String,
        image: String? = nil,
        imageDigest: String? = nil,
        lastStatus: String? = nil,
        exitCode: Int? = nil,
        reason: String? = nil,
        health: String? = nil
    ) {
        self.name = name
        self.image = image
        self.imageDigest = imageDigest
        self.lastStatus = lastStatus
        self.exitCode = exitCode
        self.reason = reason
        self.health = health
    }
}

/// A load balancer target's health.
package struct TargetHealthSnapshot: Equatable, Sendable, Codable {
    package var targetId: String
    package var port: Int?
    package var state: String
    package var reason: String?
    package var description: String?

    package init(targetId: String, port: Int? = nil, state: String, reason: String? = nil, description: String? = nil) {
        self.targetId = targetId
        self.port = port
        self.state = state
        self.reason = reason
        self.description = description
    }
}
