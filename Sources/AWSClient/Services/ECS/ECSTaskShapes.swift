import Foundation

/// A task as DescribeTasks reports it (moto omits createdAt, startedAt, healthStatus and digests).
public struct ECSTask: Sendable, Equatable, Codable {
    public var taskArn: String?
    public var clusterArn: String?
    public var taskDefinitionArn: String?
    /// `service:NAME` for a service's tasks.
    public var group: String?
    public var startedBy: String?
    public var lastStatus: String?
    public var desiredStatus: String?
    public var healthStatus: String?
    public var launchType: String?
    public var cpu: String?
    public var memory: String?
    public var createdAt: Date?
    public var pullStartedAt: Date?
    public var startedAt: Date?
    public var stoppingAt: Date?
    public var stoppedAt: Date?
    public var stoppedReason: String?
    public var stopCode: String?
    public var availabilityZone: String?
    public var attachments: [ECSAttachment]?
    public var containers: [ECSContainer]?

    public init(
        taskArn: String? = nil, clusterArn: String? = nil, taskDefinitionArn: String? = nil,
        group: String? = nil, startedBy: String? = nil, lastStatus: String? = nil,
        desiredStatus: String? = nil, healthStatus: String? = nil, launchType: String? = nil,
        cpu: String? = nil, memory: String? = nil, createdAt: Date? = nil, pullStartedAt: Date? = nil,
        startedAt: Date? = nil, stoppingAt: Date? = nil, stoppedAt: Date? = nil,
        stoppedReason: String? = nil, stopCode: String? = nil, availabilityZone: String? = nil,
        attachments: [ECSAttachment]? = nil, containers: [ECSContainer]? = nil
    ) {
        self.taskArn = taskArn
        self.clusterArn = clusterArn
        self.taskDefinitionArn = taskDefinitionArn
        self.group = group
        self.startedBy = startedBy
        self.lastStatus = lastStatus
        self.desiredStatus = desiredStatus
        self.healthStatus = healthStatus
        self.launchType = launchType
        self.cpu = cpu
        self.memory = memory
        self.createdAt = createdAt
        self.pullStartedAt = pullStartedAt
        self.startedAt = startedAt
        self.stoppingAt = stoppingAt
        self.stoppedAt = stoppedAt
        self.stoppedReason = stoppedReason
        self.stopCode = stopCode
        self.availabilityZone = availabilityZone
        self.attachments = attachments
        self.containers = containers
    }
}

/// A task attachment; for awsvpc tasks the network interface, whose details carry the IP.
public struct ECSAttachment: Sendable, Equatable, Codable {
    public var id: String?
    public var type: String?
    public var status: String?
    public var details: [ECSKeyValuePair]?

    public init(id: String? = nil, type: String? = nil, status: String? = nil, details: [ECSKeyValuePair]? = nil) {
        self.id = id
        self.type = type
        self.status = status
        self.details = details
    }
}

/// A running (or stopped) container of a task.
public struct ECSContainer: Sendable, Equatable, Codable {
    public var containerArn: String?
    public var name: String?
    public var image: String?
    public var imageDigest: String?
    public var runtimeId: String?
    public var lastStatus: String?
    public var exitCode: Int?
    public var reason: String?
    public var healthStatus: String?

    public init(
        containerArn: String? = nil, name: String? = nil, image: String? = nil, imageDigest: String? = nil,
        runtimeId: String? = nil, lastStatus: String? = nil, exitCode: Int? = nil, reason: String? = nil,
        healthStatus: String? = nil
    ) {
        self.containerArn = containerArn
        self.name = name
        self.image = image
        self.imageDigest = imageDigest
        self.runtimeId = runtimeId
        self.lastStatus = lastStatus
        self.exitCode = exitCode
        self.reason = reason
        self.healthStatus = healthStatus
    }
}

extension ECSTask {
    /// The task's private IPv4 address, from its network interface attachment (awsvpc tasks only).
    public var privateIPv4Address: String? {
        attachments?.lazy.compactMap { $0.details?.first { $0.name == "privateIPv4Address" }?.value }.first
    }

    /// The service a task belongs to, read from its `service:NAME` group.
    public var serviceName: String? {
        guard let group, group.hasPrefix("service:") else { return nil }
        return String(group.dropFirst("service:".count))
    }
}

/// Which tasks ListTasks returns: by their desired status.
public enum ECSDesiredStatus: String, Sendable, Equatable, Codable {
    case running = "RUNNING"
    case pending = "PENDING"
    case stopped = "STOPPED"
}
