import AWSClient
import DashboardModel
import Foundation

/// Makes planned calls with the right deploy role: the registry's for ECR, the target environment's for ECS.
package struct ActionExecutor: Sendable {
    /// What one call did.
    package struct StepResult: Sendable {
        package var alreadyDone = false
        package var deploymentId: String?
        package var requestIds: [String] = []
    }

    private let registry: (context: AWSClientContext, role: String?)?
    private let environment: (context: AWSClientContext, role: String?, name: String)?
    private let recorder: RequestIdRecorder

    /// Builds only the contexts the calls need, so a restart never needs the registry's role.
    package init(access: ActionAccess, environment name: String, calls: [PlannedCall]) throws {
        let recorder = RequestIdRecorder()
        self.recorder = recorder
        func recorded(_ context: AWSClientContext) -> AWSClientContext {
            var context = context
            context.transport = RequestIdRecorder.wrapping(context.transport, into: recorder)
            return context
        }
        if calls.contains(where: { if case .putImage = $0 { return true } else { return false } }) {
            guard let account = access.config.registry else {
                throw ActionError(message: "the config has no registry to retag in", exitCode: ActionOutcome.usage)
            }
            registry = (recorded(try access.writeContext(account, label: "the registry")), account.deployRoleArn)
        } else {
            registry = nil
        }
        if calls.contains(where: { if case .updateService = $0 { return true } else if case .scaleService = $0 { return true } else { return false } }) {
            guard let config = access.config.environment(named: name) else {
                throw ActionError(message: "unknown environment \(name)", exitCode: ActionOutcome.usage)
            }
            environment = (recorded(try access.writeContext(config.access, label: name)), config.access.deployRoleArn, name)
        } else {
            environment = nil
        }
    }

    /// Who acts in each account, for the audit log.
    package struct Identities: Sendable {
        package var registry: String?
        package var environment: String?

        /// The identity a call is made as.
        package func of(_ call: PlannedCall) -> String? {
            switch call {
            case .putImage: return registry
            case .updateService, .scaleService: return environment
            }
        }

        /// For lines that are not one call (the plan, the watch): the target environment's, else the registry's.
        package var overall: String? { environment ?? registry }
    }

    /// Becomes every deploy role the calls need (GetCallerIdentity through each deploy context, which assumes its
    /// role) before anyone is asked to confirm: when the answer could only be AccessDenied, nobody is asked.
    /// Throws an `ActionError` naming the role and what is missing; returns who will act in each account.
    package func verifyAccess() async throws -> Identities {
        var identities = Identities()
        if let registry {
            identities.registry = try await identity(registry.context, role: registry.role, place: "the registry", actions: ["ecr:PutImage"])
        }
        if let environment {
            identities.environment = try await identity(environment.context, role: environment.role, place: environment.name, actions: ["ecs:UpdateService"])
        }
        _ = recorder.drain()
        return identities
    }

    private func identity(_ context: AWSClientContext, role: String?, place: String, actions: [String]) async throws -> String {
        do {
            return try await STSClient(context: context).getCallerIdentity().arn
        } catch {
            throw ActionError(message: AccessReport.cannotAct(in: place, role: role, needs: actions, error: error), exitCode: ActionOutcome.failure,
                              code: StepFailureReport.code(error))
        }
    }

    package func roleArn(for call: PlannedCall) -> String? {
        switch call {
        case .putImage: return registry?.role
        case .updateService, .scaleService: return environment?.role
        }
    }

    package func drainRequestIds() -> [String] {
        recorder.drain()
    }

    package func perform(_ call: PlannedCall) async throws -> StepResult {
        _ = recorder.drain()
        switch call {
        case .putImage(let repository, let tag, _, let manifest, let mediaType):
            guard let registry else { throw ActionError(message: "no registry context", exitCode: ActionOutcome.failure) }
            do {
                try await ECRClient(context: registry.context).putImage(
                    ECRPutImageRequest(repositoryName: repository, imageManifest: manifest, imageManifestMediaType: mediaType, imageTag: tag))
                return StepResult(requestIds: recorder.drain())
            } catch let error as AWSError where error.code == "ImageAlreadyExistsException" {
                // The tag already names this manifest: the step is done (a re-run, or a tag that never moved).
                return StepResult(alreadyDone: true, requestIds: recorder.drain())
            }
        case .updateService(_, let cluster, let service, let taskDefinition):
            guard let environment else { throw ActionError(message: "no environment context", exitCode: ActionOutcome.failure) }
            let updated = try await ECSClient(context: environment.context).updateService(
                cluster: cluster, service: service, taskDefinition: taskDefinition, forceNewDeployment: true)
            let primary = updated.deployments?.first { $0.status == "PRIMARY" }
            return StepResult(deploymentId: primary?.id, requestIds: recorder.drain())
        case .scaleService(_, let cluster, let service, let desiredCount):
            guard let environment else { throw ActionError(message: "no environment context", exitCode: ActionOutcome.failure) }
            // The count alone: no new deployment, so the running tasks stay and ECS only adds or stops tasks.
            _ = try await ECSClient(context: environment.context).updateService(cluster: cluster, service: service, desiredCount: desiredCount)
            return StepResult(requestIds: recorder.drain())
        }
    }
}
