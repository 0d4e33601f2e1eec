/// An Application Auto Scaling target on one service's desired count: the bounds its scaling keeps the count in.
package struct SimulatedScalableTarget: Sendable {
    package var serviceName: String
    package var resourceId: String
    package var minCapacity: Int
    package var maxCapacity: Int
    package var createdAt: Double
    package var arn: String
    package var roleArn: String

    /// Services that take web traffic scale on it: the first two (frontend, backend) get a target, between half the
    /// seeded count and twice it (four times in uat and prod, which see the real traffic). With two tasks a
    /// service that is dev 1…4 and prod 1…8, so a demo has bounds to hit either way.
    package static func plausible(serviceIndex: Int, serviceName: String, place: SimulatedPlace, tasksPerService: Int, now: Double) -> SimulatedScalableTarget? {
        guard serviceIndex < 2 else { return nil }
        let busy = ["uat", "prod"].contains(place.environment)
        let hash = SimulatedRandom.hash(place.seed, place.account, serviceName, "scalable-target")
        return SimulatedScalableTarget(
            serviceName: serviceName, resourceId: "service/\(place.clusterName)/\(serviceName)",
            minCapacity: max(1, tasksPerService / 2), maxCapacity: tasksPerService * (busy ? 4 : 2),
            createdAt: (now - 200 * 86_400 - Double(hash % 86_400)).rounded(.down),
            arn: "arn:aws:application-autoscaling:\(place.region):\(place.account):scalable-target/" + SimulatedRandom.hex(hash, count: 36),
            roleArn: "arn:aws:iam::\(place.account):role/aws-service-role/ecs.application-autoscaling.amazonaws.com/"
                + "AWSServiceRoleForApplicationAutoScaling_ECSService")
    }

    /// The target as DescribeScalableTargets reports it.
    package var json: SimulatedJSON {
        .fields([
            "ServiceNamespace": "ecs",
            "ResourceId": .string(resourceId),
            "ScalableDimension": "ecs:service:DesiredCount",
            "MinCapacity": .int(Int64(minCapacity)),
            "MaxCapacity": .int(Int64(maxCapacity)),
            "RoleARN": .string(roleArn),
            "CreationTime": SimulatedJSON.seconds(createdAt),
            "SuspendedState": .fields([
                "DynamicScalingInSuspended": .bool(false), "DynamicScalingOutSuspended": .bool(false), "ScheduledScalingSuspended": .bool(false),
            ]),
            "ScalableTargetARN": .string(arn),
        ])
    }
}
