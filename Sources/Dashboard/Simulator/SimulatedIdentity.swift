/// Who made a request: the base user or an assumed role, in which account, with which keys.
struct SimulatedIdentity: Sendable, Equatable {
    var account: String
    var arn: String
    var userId: String
    /// The role's name for assumed-role sessions; nil for the base user.
    var roleName: String?
    var secretAccessKey: String
    var sessionToken: String?
    /// When temporary keys stop working (epoch seconds); nil for long-lived keys.
    var expiration: Double?

    /// The read-only role may call only the read operations.
    var isReadOnly: Bool { roleName == SimulatedFleet.readOnlyRoleName }

    /// The IAM actions that change the world; a read-only role is denied them.
    static let writeActions: Set<String> = [
        "ECR.PutImage", "ECS.UpdateService", "ECS.RegisterTaskDefinition", "ECS.StopTask", "CodePipeline.StartPipelineExecution",
    ]
}
