import Foundation

/// A cluster as DescribeClusters reports it.
public struct ECSCluster: Sendable, Equatable, Codable {
    public var clusterArn: String?
    public var clusterName: String?
    public var status: String?
    public var runningTasksCount: Int?
    public var pendingTasksCount: Int?
    public var activeServicesCount: Int?
    public var registeredContainerInstancesCount: Int?

    public init(
        clusterArn: String? = nil, clusterName: String? = nil, status: String? = nil,
        runningTasksCount: Int? = nil, pendingTasksCount: Int? = nil, activeServicesCount: Int? = nil,
        registeredContainerInstancesCount: Int? = nil
    ) {
        self.clusterArn = clusterArn
        self.clusterName = clusterName
        self.status = status
        self.runningTasksCount = runningTasksCount
        self.pendingTasksCount = pendingTasksCount
        self.activeServicesCount = activeServicesCount
        self.registeredContainerInstancesCount = registeredContainerInstancesCount
    }
}

/// A service as DescribeServices reports it.
public struct ECSService: Sendable, Equatable, Codable {
    public var serviceArn: String?
    public var serviceName: String?
    public var clusterArn: String?
    public var status: String?
    public var desiredCount: Int?
    public var runningCount: Int?
    public var pendingCount: Int?
    public var launchType: String?
    public var taskDefinition: String?
    public var deployments: [ECSDeployment]?
    public var events: [ECSServiceEvent]?
    public var loadBalancers: [ECSLoadBalancer]?
    public var deploymentConfiguration: ECSDeploymentConfiguration?
    public var createdAt: Date?
    public var schedulingStrategy: String?

    public init(
        serviceArn: String? = nil, serviceName: String? = nil, clusterArn: String? = nil,
        status: String? = nil, desiredCount: Int? = nil, runningCount: Int? = nil, pendingCount: Int? = nil,
        launchType: String? = nil, taskDefinition: String? = nil, deployments: [ECSDeployment]? = nil,
        events: [ECSServiceEvent]? = nil, loadBalancers: [ECSLoadBalancer]? = nil,
        deploymentConfiguration: ECSDeploymentConfiguration? = nil, createdAt: Date? = nil,
        schedulingStrategy: String? = nil
    ) {
        self.serviceArn = serviceArn
        self.serviceName = serviceName
        self.clusterArn = clusterArn
        self.status = status
        self.desiredCount = desiredCount
        self.runningCount = runningCount
        self.pendingCount = pendingCount
        self.launchType = launchType
        self.taskDefinition = taskDefinition
        self.deployments = deployments
        self.events = events
        self.loadBalancers = loadBalancers
        self.deploymentConfiguration = deploymentConfiguration
        self.createdAt = createdAt
        self.schedulingStrategy = schedulingStrategy
    }
}

/// One deployment of a service: PRIMARY is the newest, ACTIVE ones are draining.
public struct ECSDeployment: Sendable, Equatable, Codable {
    public var id: String?
    /// PRIMARY, ACTIVE or INACTIVE.
    public var status: String?
    public var taskDefinition: String?
    public var desiredCount: Int?
    public var pendingCount: Int?
    public var runningCount: Int?
    public var failedTasks: Int?
    public var createdAt: Date?
    public var updatedAt: Date?
    public var launchType: String?
    /// COMPLETED, FAILED or IN_PROGRESS.
    public var rolloutState: String?
    public var rolloutStateReason: String?

    public init(
        id: String? = nil, status: String? = nil, taskDefinition: String? = nil, desiredCount: Int? = nil,
        pendingCount: Int? = nil, runningCount: Int? = nil, failedTasks: Int? = nil, createdAt: Date? = nil,
        updatedAt: Date? = nil, launchType: String? = nil, rolloutState: String? = nil,
        rolloutStateReason: String? = nil
    ) {
        self.id = id
        self.status = status
        self.taskDefinition = taskDefinition
        self.desiredCount = desiredCount
        self.pendingCount = pendingCount
        self.runningCount = runningCount
        self.failedTasks = failedTasks
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.launchType = launchType
        self.rolloutState = rolloutState
        self.rolloutStateReason = rolloutStateReason
    }
}

/// One line of a service's event log.
public struct ECSServiceEvent: Sendable, Equatable, Codable {
    public var id: String?
    public var createdAt: Date?
    public var message: String?

    public init(id: String? = nil, createdAt: Date? = nil, message: String? = nil) {
        self.id = id
        self.createdAt = createdAt
        self.message = message
    }
}

/// A load balancer target group a service registers its tasks with.
public struct ECSLoadBalancer: Sendable, Equatable, Codable {
    public var targetGroupArn: String?
    public var loadBalancerName: String?
    public var containerName: String?
    public var containerPort: Int?

    public init(
        targetGroupArn: String? = nil, loadBalancerName: String? = nil, containerName: String? = nil,
        containerPort: Int? = nil
    ) {
        self.targetGroupArn = targetGroupArn
        self.loadBalancerName = loadBalancerName
        self.containerName = containerName
        self.containerPort = containerPort
    }
}

/// How a service rolls out: percentages and the circuit breaker.
public struct ECSDeploymentConfiguration: Sendable, Equatable, Codable {
    public var deploymentCircuitBreaker: ECSDeploymentCircuitBreaker?
    public var maximumPercent: Int?
    public var minimumHealthyPercent: Int?

    public init(
        deploymentCircuitBreaker: ECSDeploymentCircuitBreaker? = nil, maximumPercent: Int? = nil,
        minimumHealthyPercent: Int? = nil
    ) {
        self.deploymentCircuitBreaker = deploymentCircuitBreaker
        self.maximumPercent = maximumPercent
        self.minimumHealthyPercent = minimumHealthyPercent
    }
}

/// Whether ECS stops (and rolls back) a deployment whose tasks keep failing.
public struct ECSDeploymentCircuitBreaker: Sendable, Equatable, Codable {
    public var enable: Bool?
    public var rollback: Bool?

    public init(enable: Bool? = nil, rollback: Bool? = nil) {
        self.enable = enable
        self.rollback = rollback
    }
}

/// An item a Describe call could not return, and why (`MISSING`, …).
public struct ECSFailure: Sendable, Equatable, Codable {
    public var arn: String?
    public var reason: String?
    public var detail: String?

    public init(arn: String? = nil, reason: String? = nil, detail: String? = nil) {
        self.arn = arn
        self.reason = reason
        self.detail = detail
    }
}

/// A resource tag.
public struct ECSTag: Sendable, Equatable, Codable {
    public var key: String?
    public var value: String?

    public init(key: String? = nil, value: String? = nil) {
        self.key = key
        self.value = value
    }
}

/// A name and a value: environment variables, attachment details.
public struct ECSKeyValuePair: Sendable, Equatable, Codable {
    public var name: String?
    public var value: String?

    public init(name: String? = nil, value: String? = nil) {
        self.name = name
        self.value = value
    }
}

/// What a batched Describe call returned: the items found and the failures (`MISSING`, …) for the rest.
public struct ECSDescribeResult<Item: Sendable & Equatable>: Sendable, Equatable {
    public var items: [Item]
    public var failures: [ECSFailure]

    public init(items: [Item] = [], failures: [ECSFailure] = []) {
        self.items = items
        self.failures = failures
    }
}
