import AWSClient
import DashboardModel
import Foundation

/// The one place AWS wire shapes become dashboard snapshots; everything above works on snapshots only.
package enum SnapshotMapper {
    package static func service(_ service: ECSService, tasks: [TaskSnapshot], taskDefinition: TaskDefinitionCache.Facts?,
                        targetHealth: [ELBv2TargetHealthDescription]) -> ServiceSnapshot {
        let deployments = (service.deployments ?? []).map(deployment)
        let primary = deployments.first { $0.status == "PRIMARY" }
        return ServiceSnapshot(
            name: service.serviceName ?? lastComponent(of: service.serviceArn ?? "?"),
            arn: service.serviceArn ?? "",
            status: service.status ?? "UNKNOWN",
            desired: service.desiredCount ?? 0,
            running: service.runningCount ?? 0,
            pending: service.pendingCount ?? 0,
            rolloutState: primary?.rolloutState,
            rolloutReason: primary?.rolloutReason,
            taskDefinitionArn: service.taskDefinition ?? primary?.taskDefinitionArn ?? "",
            deployments: deployments,
            events: (service.events ?? []).prefix(ServiceSnapshot.eventLimit).map {
                ServiceEventSnapshot(id: $0.id ?? "", createdAt: $0.createdAt, message: $0.message ?? "")
            },
            image: taskDefinition?.image,
            tasks: tasks.sorted { lhs, rhs in
                // The tasks pane leads with what is running; ids keep the order still from one refresh to the next.
                let lhsRunning = lhs.lastStatus == "RUNNING", rhsRunning = rhs.lastStatus == "RUNNING"
                return lhsRunning != rhsRunning ? lhsRunning : lhs.id < rhs.id
            },
            targetHealth: targetHealth.map {
                TargetHealthSnapshot(targetId: $0.targetId ?? "", port: $0.targetPort, state: $0.state ?? "unknown",
                                     reason: $0.reason, description: $0.description)
            },
            circuitBreakerRollback: service.deploymentConfiguration?.deploymentCircuitBreaker?.rollback ?? false,
            logs: taskDefinition?.logs
        )
    }

    package static func logSettings(_ container: ECSContainerDefinition) -> LogSettings? {
        guard container.logConfiguration?.logDriver == "awslogs", let options = container.logConfiguration?.options,
              let group = options["awslogs-group"] else { return nil }
        return LogSettings(group: group, streamPrefix: options["awslogs-stream-prefix"], region: options["awslogs-region"],
                           container: container.name ?? "")
    }

    package static func deployment(_ deployment: ECSDeployment) -> DeploymentSnapshot {
        DeploymentSnapshot(
            id: deployment.id ?? "", status: deployment.status ?? "UNKNOWN",
            taskDefinitionArn: deployment.taskDefinition ?? "", revision: deployment.taskDefinition.flatMap(revision),
            desired: deployment.desiredCount ?? 0, running: deployment.runningCount ?? 0, pending: deployment.pendingCount ?? 0,
            failed: deployment.failedTasks ?? 0, rolloutState: deployment.rolloutState.map(RolloutState.init(wire:)), rolloutReason: deployment.rolloutStateReason,
            createdAt: deployment.createdAt, updatedAt: deployment.updatedAt
        )
    }

    package static func task(_ task: ECSTask) -> TaskSnapshot {
        let details = task.attachments?.flatMap { $0.details ?? [] } ?? []
        return TaskSnapshot(
            id: lastComponent(of: task.taskArn ?? "?"), arn: task.taskArn ?? "",
            lastStatus: task.lastStatus ?? "UNKNOWN", desiredStatus: task.desiredStatus ?? "UNKNOWN",
            health: task.healthStatus ?? "UNKNOWN", createdAt: task.createdAt, startedAt: task.startedAt, stoppedAt: task.stoppedAt,
            stoppedReason: nonEmpty(task.stoppedReason), stopCode: nonEmpty(task.stopCode), availabilityZone: task.availabilityZone,
            privateIP: details.first { $0.name == "privateIPv4Address" }?.value,
            taskDefinitionArn: task.taskDefinitionArn ?? "", revision: task.taskDefinitionArn.flatMap(revision),
            containers: (task.containers ?? []).map {
                // An exit code only means something once the container has stopped (moto reports 0 while running).
                let stopped = $0.lastStatus == "STOPPED" || task.lastStatus == "STOPPED"
                return ContainerSnapshot(name: $0.name ?? "?", image: $0.image, imageDigest: $0.imageDigest, lastStatus: $0.lastStatus,
                                         exitCode: stopped ? $0.exitCode : nil, reason: nonEmpty($0.reason), health: $0.healthStatus)
            },
            startedBy: nonEmpty(task.startedBy)
        )
    }

    package static func pipeline(name: String, state: CodePipelineState) -> PipelineSnapshot {
        let stages = (state.stageStates ?? []).map { stage in
            StageSnapshot(
                name: stage.stageName ?? "?", status: stage.latestExecution?.status,
                actions: (stage.actionStates ?? []).map {
                    ActionSnapshot(name: $0.actionName ?? "?", status: $0.latestExecution?.status,
                                   summary: $0.latestExecution?.summary ?? $0.latestExecution?.errorDetails?.message,
                                   lastStatusChange: $0.latestExecution?.lastStatusChange)
                }
            )
        }
        let latest = state.stageStates?.compactMap(\.latestExecution).first
        let latestTime = stages.flatMap(\.actions).compactMap(\.lastStatusChange).max()
        return PipelineSnapshot(name: name, stages: stages, latestExecutionId: latest?.pipelineExecutionId,
                                latestExecutionStatus: overallStatus(stages), latestExecutionTime: latestTime)
    }

    /// A pipeline is as far as its furthest stage: failed if any failed, in progress if any is, else its last status.
    package static func overallStatus(_ stages: [StageSnapshot]) -> String? {
        let statuses = stages.compactMap(\.status)
        if statuses.contains("Failed") { return "Failed" }
        if statuses.contains("InProgress") { return "InProgress" }
        return statuses.last
    }

    package static func repository(images: [ECRImage]) -> RegistrySnapshot.Repository {
        var digestsByTag: [String: String] = [:]
        var tagsByDigest: [String: [String]] = [:]
        for image in images {
            guard let digest = image.imageId?.imageDigest, let tag = image.imageId?.imageTag else { continue }
            digestsByTag[tag] = digest
            tagsByDigest[digest, default: []].append(tag)
        }
        return RegistrySnapshot.Repository(digestsByTag: digestsByTag, tagsByDigest: tagsByDigest.mapValues { $0.sorted() }, pushedAtByDigest: [:])
    }

    /// The essential container, else the first: the one whose image the service is "running".
    package static func mainContainer(_ definition: ECSTaskDefinition) -> ECSContainerDefinition? {
        let containers = definition.containerDefinitions ?? []
        return containers.first { $0.essential ?? true } ?? containers.first
    }

    package static func nonEmpty(_ text: String?) -> String? {
        text.flatMap { $0.isEmpty ? nil : $0 }
    }

    // Both run for every task of every poll, so they search the UTF-8 view from the end instead of splitting.
    package static func revision(of taskDefinitionArn: String) -> Int? {
        let utf8 = taskDefinitionArn.utf8
        let start = utf8.lastIndex(of: UInt8(ascii: ":")).map(utf8.index(after:)) ?? utf8.startIndex
        return Int(Substring(utf8[start...]))
    }

    package static func lastComponent(of arn: String) -> String {
        let utf8 = arn.utf8
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return arn }
        let start = utf8.index(after: slash)
        return start == utf8.endIndex ? arn : String(Substring(utf8[start...]))
    }

    /// The one place a failure becomes dashboard data (the header, the status table and JSON); the texts are
    /// scrubbed here once more, whatever error they came from, since an error type of someone else's may quote a reply.
    package static func fetchError(_ error: Error, operation: String, at date: Date) -> FetchError {
        let scrub = SecretScrubber.scrub
        switch error {
        case let aws as AWSError:
            return FetchError(operation: scrub("\(aws.service) \(aws.operation)"), code: scrub(aws.code), message: scrub(aws.message), at: date,
                              kind: aws.kind.rawValue)
        case let credential as CredentialError:
            if let aws = credential.underlyingAWSError {
                return FetchError(operation: scrub("\(aws.service) \(aws.operation)"), code: scrub(aws.code), message: scrub(credential.message), at: date,
                                  kind: aws.kind.rawValue)
            }
            return FetchError(operation: operation, code: "CredentialsError", message: scrub(credential.description), at: date, kind: "invalidCredentials")
        case let timeout as PollTimeout:
            return FetchError(operation: timeout.waitingOn.first ?? operation, code: "PollTimeout", message: timeout.description, at: date, kind: "transient")
        default:
            return FetchError(operation: operation, code: "Error", message: scrub("\(error)"), at: date, kind: "client")
        }
    }
}
