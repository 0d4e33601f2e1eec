import DashboardModel
import Foundation

/// Task definition summaries for the UI test fleet's environments: uat and prod differ in the image tag, `APP_ENV`,
/// the container's memory and the secret's source, as real environments do.
package enum TaskDefinitionFixtures {
    package static func summary(_ environment: String, service: String = "frontend", memory: Int = 512,
                                image: String? = nil, appEnv: String? = nil) -> TaskDefinitionSummary {
        let account = environment == "prod" ? "555555555555" : "444444444444"
        let container = TaskDefinitionSummary.Container(
            name: service,
            image: image ?? "\(UITestFleet.registry)/myapp-\(service):\(environment)",
            cpu: 256, memory: memory, memoryReservation: 256,
            environment: [
                .init(name: "LOG_LEVEL", value: .plain("info")),
                .init(name: "APP_ENV", value: .plain(appEnv ?? environment)),
            ],
            secrets: [.init(name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:eu-west-1:\(account):secret:\(environment)/\(service)/db")],
            ports: [.init(containerPort: 8080, hostPort: 8080, protocol: "tcp", name: "http")],
            healthCheck: .init(command: ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"], interval: 10, timeout: 2, retries: 3, startPeriod: 15),
            log: .init(driver: "awslogs", options: [
                .init(name: "awslogs-stream-prefix", value: .plain("ecs")),
                .init(name: "awslogs-group", value: .plain("/ecs/app/\(service)")),
            ])
        )
        return TaskDefinitionSummary(
            family: "\(environment)-\(service)", revision: environment == "prod" ? 7 : 12,
            arn: "arn:aws:ecs:eu-west-1:\(account):task-definition/\(environment)-\(service):\(environment == "prod" ? 7 : 12)",
            registeredAt: UITestFleet.now.addingTimeInterval(-3 * 86_400), cpu: "256", memory: "1024", networkMode: "awsvpc",
            taskRole: "\(service)-task", executionRole: "ecsTaskExecutionRole", containers: [container]
        )
    }
}
