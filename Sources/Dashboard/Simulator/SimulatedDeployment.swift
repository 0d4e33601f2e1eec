/// One deployment of a service: the task definition and the image digest it resolved when it was created.
struct SimulatedDeployment: Sendable {
    var id: String
    /// PRIMARY for the newest, ACTIVE for those still draining.
    var status: String
    var taskDefinitionArn: String
    var containerName: String
    var image: String
    /// The digest the image's tag pointed to when the deployment was created; nil when it could not be resolved.
    var digest: String?
    var isBadBuild: Bool
    var cpu: String
    var memory: String
    var createdAt: Double
    var updatedAt: Double
    var rolloutState: String
    var rolloutStateReason: String
    var failedTasks = 0
    /// Created by the circuit breaker; a failed rollback is not rolled back again.
    var isRollback = false

    /// What the deployment's tasks will do once started.
    var fate: SimulatedTask.Fate {
        if digest == nil { return .cannotPull }
        return isBadBuild ? .failsHealthChecks : .healthy
    }
}
