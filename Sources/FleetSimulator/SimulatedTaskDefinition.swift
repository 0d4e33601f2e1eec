/// One registered task definition revision, kept as the JSON DescribeTaskDefinition returns.
package struct SimulatedTaskDefinition: Sendable {
    package var family: String
    package var revision: Int
    package var arn: String
    package var json: SimulatedJSON

    /// The essential container the service's tasks report (the first essential one, else the first).
    package var container: (name: String, image: String) {
        let containers = json["containerDefinitions"]?.arrayValue ?? []
        let chosen = containers.first { $0["essential"]?.boolValue ?? true } ?? containers.first
        return (chosen?["name"]?.stringValue ?? "app", chosen?["image"]?.stringValue ?? "")
    }

    package var cpu: String { json["cpu"]?.stringValue ?? "256" }
    package var memory: String { json["memory"]?.stringValue ?? "512" }

    /// The definition ecsdash's demo services start with: one container running the service's env-tagged image.
    package static func initial(environment: String, account: String, region: String, service: String, registry: String, revision: Int,
                        registeredAt: Double, withPort: Bool) -> SimulatedTaskDefinition {
        let family = "\(environment)-\(service)"
        let image = "\(registry).dkr.ecr.\(region).amazonaws.com/myapp-\(service):\(environment)"
        let ports: SimulatedJSON = withPort
            ? .array([.fields(["containerPort": .int(8080), "hostPort": .int(8080), "protocol": "tcp", "name": "http", "appProtocol": "http"])])
            : .array([])
        let container = SimulatedJSON.fields([
            "name": .string(service),
            "image": .string(image),
            "cpu": .int(0),
            "memoryReservation": .int(256),
            "portMappings": ports,
            "essential": .bool(true),
            "environment": .array([
                .fields(["name": "APP_ENV", "value": .string(environment)]),
                .fields(["name": "LOG_LEVEL", "value": "info"]),
            ]),
            "mountPoints": .array([]),
            "volumesFrom": .array([]),
            "secrets": .array([.fields(["name": "DB_PASSWORD",
                                        "valueFrom": .string("arn:aws:secretsmanager:\(region):\(account):secret:\(environment)/\(service)/db-AbCdEf")])]),
            "logConfiguration": .fields([
                "logDriver": "awslogs",
                "options": .fields([
                    "awslogs-group": .string("/ecs/app-\(environment)/\(service)"),
                    "awslogs-region": .string(region),
                    "awslogs-stream-prefix": "ecs",
                ]),
            ]),
            "healthCheck": .fields([
                "command": .strings(["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"]),
                "interval": .int(5), "timeout": .int(2), "retries": .int(2), "startPeriod": .int(5),
            ]),
            "systemControls": .array([]),
        ])
        let request = SimulatedJSON.fields([
            "family": .string(family),
            "taskRoleArn": .string("arn:aws:iam::\(account):role/\(service)-task"),
            "executionRoleArn": .string("arn:aws:iam::\(account):role/ecsTaskExecutionRole"),
            "networkMode": "awsvpc",
            "containerDefinitions": .array([container]),
            "volumes": .array([]),
            "placementConstraints": .array([]),
            "requiresCompatibilities": .strings(["FARGATE"]),
            "cpu": "256",
            "memory": "512",
            "runtimePlatform": .fields(["cpuArchitecture": "X86_64", "operatingSystemFamily": "LINUX"]),
        ])
        return registered(request: request, account: account, region: region, revision: revision, registeredAt: registeredAt,
                          registeredBy: "arn:aws:sts::\(account):assumed-role/DashboardDeployer/terraform")
    }

    /// What RegisterTaskDefinition stores: the request's members plus the fields only ECS sets.
    package static func registered(request: SimulatedJSON, account: String, region: String, revision: Int, registeredAt: Double,
                           registeredBy: String) -> SimulatedTaskDefinition {
        let family = request["family"]?.stringValue ?? ""
        let arn = "arn:aws:ecs:\(region):\(account):task-definition/\(family):\(revision)"
        var members: [(key: String, value: SimulatedJSON)] = [
            (key: "taskDefinitionArn", value: .string(arn)),
        ]
        for member in request.members ?? [] where member.key != "tags" && member.key != "taskDefinitionArn" {
            members.append(member)
        }
        members += [
            (key: "revision", value: .int(Int64(revision))),
            (key: "status", value: "ACTIVE"),
            (key: "requiresAttributes", value: .array([
                .fields(["name": "com.amazonaws.ecs.capability.logging-driver.awslogs"]),
                .fields(["name": "ecs.capability.execution-role-awslogs"]),
                .fields(["name": "com.amazonaws.ecs.capability.ecr-auth"]),
                .fields(["name": "ecs.capability.container-health-check"]),
                .fields(["name": "ecs.capability.task-eni"]),
            ])),
            (key: "compatibilities", value: .strings(["EC2", "FARGATE"])),
            (key: "registeredAt", value: SimulatedJSON.seconds(registeredAt) ?? .null),
            (key: "registeredBy", value: .string(registeredBy)),
        ]
        return SimulatedTaskDefinition(family: family, revision: revision, arn: arn, json: .object(members))
    }
}

extension SimulatedJSON: ExpressibleByStringLiteral {
    package init(stringLiteral value: String) {
        self = .string(value)
    }
}
