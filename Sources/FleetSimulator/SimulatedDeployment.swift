/// One deployment of a service: the task definition and the image digest it resolved when it was created.
package struct SimulatedDeployment: Sendable {
    package var id: String
    /// PRIMARY for the newest, ACTIVE for those still draining.
    package var status: String
    package var taskDefinitionArn: String
    package var containerName: String
    package var image: String
    /// The digest the image's tag pointed to when the deployment was created; nil when it could not be resolved.
    package var digest: String?
    package var isBadBuild: Bool
    package var cpu: String
    package var memory: String
    package var createdAt: Double
    package var updatedAt: Double
    package var rolloutState: String
    package var rolloutStateReason: String
    package var failedTasks = 0
    /// Created by the circuit breaker; a failed rollback is not rolled back again.
    package var isRollback = false

    /// What the deployment's tasks will do once started.
    package var fate: SimulatedTask.Fate {
        if digest == nil { return .cannotPull }
        return isBadBuild ? .failsHealthChecks : .healthy
    }
}
