import Foundation

/// A target group as DescribeTargetGroups reports it.
public struct ELBv2TargetGroup: Sendable, Equatable {
    public var targetGroupArn: String?
    public var targetGroupName: String?
    public var `protocol`: String?
    public var port: Int?
    public var vpcId: String?
    public var targetType: String?
    public var healthCheckProtocol: String?
    public var healthCheckPort: String?
    public var healthCheckPath: String?
    public var healthyThresholdCount: Int?
    public var unhealthyThresholdCount: Int?
    public var loadBalancerArns: [String]

    public init(
        targetGroupArn: String? = nil, targetGroupName: String? = nil, `protocol`: String? = nil, port: Int? = nil,
        vpcId: String? = nil, targetType: String? = nil, healthCheckProtocol: String? = nil, healthCheckPort: String? = nil,
        healthCheckPath: String? = nil, healthyThresholdCount: Int? = nil, unhealthyThresholdCount: Int? = nil,
        loadBalancerArns: [String] = []
    ) {
        self.targetGroupArn = targetGroupArn
        self.targetGroupName = targetGroupName
        self.protocol = `protocol`
        self.port = port
        self.vpcId = vpcId
        self.targetType = targetType
        self.healthCheckProtocol = healthCheckProtocol
        self.healthCheckPort = healthCheckPort
        self.healthCheckPath = healthCheckPath
        self.healthyThresholdCount = healthyThresholdCount
        self.unhealthyThresholdCount = unhealthyThresholdCount
        self.loadBalancerArns = loadBalancerArns
    }

    /// Reads a `<member>` of `<TargetGroups>`.
    init(xml node: XMLNode) {
        self.init(
            targetGroupArn: node.child("TargetGroupArn")?.text, targetGroupName: node.child("TargetGroupName")?.text,
            protocol: node.child("Protocol")?.text, port: node.child("Port").flatMap { Int($0.text) }, vpcId: node.child("VpcId")?.text,
            targetType: node.child("TargetType")?.text, healthCheckProtocol: node.child("HealthCheckProtocol")?.text,
            healthCheckPort: node.child("HealthCheckPort")?.text, healthCheckPath: node.child("HealthCheckPath")?.text,
            healthyThresholdCount: node.child("HealthyThresholdCount").flatMap { Int($0.text) },
            unhealthyThresholdCount: node.child("UnhealthyThresholdCount").flatMap { Int($0.text) },
            loadBalancerArns: node.child("LoadBalancerArns")?.children(named: "member").map(\.text) ?? []
        )
    }
}

/// One registered target and its health, as DescribeTargetHealth reports it.
public struct ELBv2TargetHealthDescription: Sendable, Equatable {
    /// The instance id or IP address of the target (an awsvpc task's IP).
    public var targetId: String?
    public var targetPort: Int?
    public var availabilityZone: String?
    public var healthCheckPort: String?
    /// initial, healthy, unhealthy, unhealthy.draining, unused, draining or unavailable.
    public var state: String?
    /// A code such as `Target.FailedHealthChecks`, absent when healthy.
    public var reason: String?
    public var description: String?

    public init(targetId: String? = nil, targetPort: Int? = nil, availabilityZone: String? = nil, healthCheckPort: String? = nil,
                state: String? = nil, reason: String? = nil, description: String? = nil) {
        self.targetId = targetId
        self.targetPort = targetPort
        self.availabilityZone = availabilityZone
        self.healthCheckPort = healthCheckPort
        self.state = state
        self.reason = reason
        self.description = description
    }

    /// Reads a `<member>` of `<TargetHealthDescriptions>`.
    init(xml node: XMLNode) {
        let target = node.child("Target")
        let health = node.child("TargetHealth")
        self.init(
            targetId: target?.child("Id")?.text, targetPort: target?.child("Port").flatMap { Int($0.text) },
            availabilityZone: target?.child("AvailabilityZone")?.text, healthCheckPort: node.child("HealthCheckPort")?.text,
            state: health?.child("State")?.text, reason: health?.child("Reason")?.text, description: health?.child("Description")?.text
        )
    }
}
