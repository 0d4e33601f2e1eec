import DashboardModel
import Foundation

extension ServiceSnapshot {
    /// A steady service with two tasks' worth of defaults, for reducer, render and gate tests.
    package static func fixture(name: String, desired: Int = 2, running: Int = 2, image: String = "111111111111.dkr.ecr.eu-west-1.amazonaws.com/myapp-web:dev",
                        rollout: RolloutState? = .completed, digests: [String] = []) -> ServiceSnapshot {
        ServiceSnapshot(
            name: name, arn: "arn:aws:ecs:eu-west-1:222222222222:service/app/\(name)", status: "ACTIVE", desired: desired, running: running,
            pending: 0, rolloutState: rollout, rolloutReason: nil, taskDefinitionArn: "arn:td/\(name):1",
            deployments: [DeploymentSnapshot(id: "ecs-svc/1", status: "PRIMARY", taskDefinitionArn: "arn:td/\(name):1", revision: 1, desired: desired,
                                             running: running, pending: 0, failed: 0, rolloutState: rollout, rolloutReason: nil, createdAt: nil, updatedAt: nil)],
            events: [], image: ImageReference.parse(image),
            tasks: digests.enumerated().map { index, digest in
                TaskSnapshot(id: "t\(index)", arn: "arn:task/t\(index)", lastStatus: "RUNNING", desiredStatus: "RUNNING", health: "HEALTHY",
                             createdAt: nil, startedAt: nil, stoppedAt: nil, stoppedReason: nil, stopCode: nil, availabilityZone: "eu-west-1a",
                             privateIP: "10.0.0.\(index)", taskDefinitionArn: "arn:td/\(name):1", revision: 1,
                             containers: [ContainerSnapshot(name: name, image: image, imageDigest: digest, lastStatus: "RUNNING", exitCode: nil, reason: nil, health: "HEALTHY")])
            },
            targetHealth: [], circuitBreakerRollback: true, logs: LogSettings(group: "/ecs/app/\(name)", streamPrefix: "ecs", region: "eu-west-1", container: name)
        )
    }
}
