import AWSClient
import DashboardModel
import Foundation

/// Turns DescribeTaskDefinition's reply into the summary people read. The one place a task definition's values
/// are judged: a plain variable or log option whose name or value looks like a credential (`DB_PASSWORD=…`, an
/// access key id) is dropped here and only a per-process fingerprint kept, so no screen, table or JSON file can
/// show it. Secrets proper arrive from ECS as names and sources only.
package enum TaskDefinitionSummarizer {
    package static func summary(_ description: ECSTaskDefinitionDescription) -> TaskDefinitionSummary {
        summary(description.taskDefinition)
    }

    package static func summary(_ definition: ECSTaskDefinition) -> TaskDefinitionSummary {
        let arn = definition.taskDefinitionArn ?? ""
        return TaskDefinitionSummary(
            family: definition.family ?? family(fromArn: arn),
            revision: definition.revision ?? 0,
            arn: arn,
            registeredAt: definition.registeredAt,
            cpu: definition.cpu,
            memory: definition.memory,
            networkMode: definition.networkMode,
            taskRole: definition.taskRoleArn.map(roleName),
            executionRole: definition.executionRoleArn.map(roleName),
            containers: (definition.containerDefinitions ?? []).map(container)
        )
    }

    static func container(_ definition: ECSContainerDefinition) -> TaskDefinitionSummary.Container {
        TaskDefinitionSummary.Container(
            name: definition.name ?? "",
            image: definition.image ?? "",
            cpu: definition.cpu,
            memory: definition.memory,
            memoryReservation: definition.memoryReservation,
            // ECS treats a container without the flag as essential.
            essential: definition.essential ?? true,
            environment: (definition.environment ?? []).map { variable(name: $0.name ?? "", value: $0.value ?? "") },
            secrets: (definition.secrets ?? []).map(secret),
            ports: (definition.portMappings ?? []).map {
                TaskDefinitionSummary.Port(containerPort: $0.containerPort, hostPort: $0.hostPort, protocol: $0.protocol, name: $0.name)
            },
            healthCheck: definition.healthCheck.map {
                TaskDefinitionSummary.HealthCheck(command: $0.command ?? [], interval: $0.interval, timeout: $0.timeout, retries: $0.retries,
                                                  startPeriod: $0.startPeriod)
            },
            log: definition.logConfiguration.map { log in
                TaskDefinitionSummary.Log(
                    driver: log.logDriver ?? "",
                    options: (log.options ?? [:]).map { variable(name: $0.key, value: $0.value) },
                    secretOptions: (log.secretOptions ?? []).map(secret)
                )
            }
        )
    }

    /// A plain name/value pair, hidden when either half looks like a credential.
    static func variable(name: String, value: String) -> TaskDefinitionSummary.Variable {
        let hidden = SecretScrubber.isSecretName(name) || SecretScrubber.containsSecret(value)
        return TaskDefinitionSummary.Variable(name: name, value: hidden ? .hidden(fingerprint: RedactedFingerprint.of(value)) : .plain(value))
    }

    static func secret(_ secret: ECSSecret) -> TaskDefinitionSummary.Secret {
        TaskDefinitionSummary.Secret(name: secret.name ?? "", valueFrom: secret.valueFrom ?? "")
    }

    /// `arn:aws:iam::123:role/path/app-task` → `app-task`.
    static func roleName(_ arn: String) -> String {
        arn.split(separator: "/").last.map(String.init) ?? arn
    }

    /// `arn:…:task-definition/prod-frontend:7` → `prod-frontend`, for replies without `family`.
    static func family(fromArn arn: String) -> String {
        let last = arn.split(separator: "/").last.map(String.init) ?? arn
        return last.split(separator: ":").first.map(String.init) ?? last
    }
}
