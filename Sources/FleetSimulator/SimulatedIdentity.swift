/// Who made a request: the base user or an assumed role, in which account, with which keys.
package struct SimulatedIdentity: Sendable, Equatable {
    package var account: String
    package var arn: String
    package var userId: String
    /// The role's name for assumed-role sessions; nil for the base user.
    package var roleName: String?
    package var secretAccessKey: String
    package var sessionToken: String?
    /// When temporary keys stop working (epoch seconds); nil for long-lived keys.
    package var expiration: Double?

    /// The read-only role may call only the read operations.
    package var isReadOnly: Bool { roleName == SimulatedFleet.readOnlyRoleName }

    /// The IAM actions that change the world; a read-only role is denied them.
    package static let writeActions: Set<String> = [
        "ECR.PutImage", "ECS.UpdateService", "ECS.RegisterTaskDefinition", "ECS.StopTask", "CodePipeline.StartPipelineExecution",
    ]
}
