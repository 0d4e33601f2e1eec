import Foundation

/// A resource's capacity bounds as DescribeScalableTargets reports them; scaling activity keeps the capacity
/// between `minCapacity` and `maxCapacity`.
public struct ApplicationAutoScalingScalableTarget: Sendable, Equatable, Codable {
    public var serviceNamespace: String?
    /// `service/CLUSTER/SERVICE` for ECS.
    public var resourceId: String?
    public var scalableDimension: String?
    public var minCapacity: Int?
    public var maxCapacity: Int?
    public var roleARN: String?
    public var creationTime: Date?
    public var suspendedState: ApplicationAutoScalingSuspendedState?
    public var scalableTargetARN: String?

    enum CodingKeys: String, CodingKey {
        case serviceNamespace = "ServiceNamespace", resourceId = "ResourceId", scalableDimension = "ScalableDimension"
        case minCapacity = "MinCapacity", maxCapacity = "MaxCapacity", roleARN = "RoleARN", creationTime = "CreationTime"
        case suspendedState = "SuspendedState", scalableTargetARN = "ScalableTargetARN"
    }

    public init(
        serviceNamespace: String? = nil, resourceId: String? = nil, scalableDimension: String? = nil, minCapacity: Int? = nil,
        maxCapacity: Int? = nil, roleARN: String? = nil, creationTime: Date? = nil,
        suspendedState: ApplicationAutoScalingSuspendedState? = nil, scalableTargetARN: String? = nil
    ) {
        self.serviceNamespace = serviceNamespace
        self.resourceId = resourceId
        self.scalableDimension = scalableDimension
        self.minCapacity = minCapacity
        self.maxCapacity = maxCapacity
        self.roleARN = roleARN
        self.creationTime = creationTime
        self.suspendedState = suspendedState
        self.scalableTargetARN = scalableTargetARN
    }
}

/// Which scaling activities are suspended on a target; a suspended dynamic scaling no longer moves the capacity.
public struct ApplicationAutoScalingSuspendedState: Sendable, Equatable, Codable {
    public var dynamicScalingInSuspended: Bool?
    public var dynamicScalingOutSuspended: Bool?
    public var scheduledScalingSuspended: Bool?

    enum CodingKeys: String, CodingKey {
        case dynamicScalingInSuspended = "DynamicScalingInSuspended", dynamicScalingOutSuspended = "DynamicScalingOutSuspended"
        case scheduledScalingSuspended = "ScheduledScalingSuspended"
    }

    public init(dynamicScalingInSuspended: Bool? = nil, dynamicScalingOutSuspended: Bool? = nil, scheduledScalingSuspended: Bool? = nil) {
        self.dynamicScalingInSuspended = dynamicScalingInSuspended
        self.dynamicScalingOutSuspended = dynamicScalingOutSuspended
        self.scheduledScalingSuspended = scheduledScalingSuspended
    }
}
