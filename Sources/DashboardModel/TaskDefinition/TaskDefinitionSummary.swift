import Foundation

/// A task definition revision as people read it: sizes, roles, and per container the image, variables, secrets'
/// sources, ports, health check and logging. Built by the engine from DescribeTaskDefinition; it never holds a
/// secret's value (ECS returns only where a secret lives, and plain values that look secret arrive hidden).
package struct TaskDefinitionSummary: Equatable, Sendable {
    package var family: String
    package var revision: Int
    package var arn: String
    package var registeredAt: Date?
    /// Task-level CPU units and MiB, as ECS writes them (`"256"`, `"0.5 vCPU"` is accepted by ECS too).
    package var cpu: String?
    package var memory: String?
    package var networkMode: String?
    /// Role names, not ARNs: the account id in an ARN differs per environment and says nothing.
    package var taskRole: String?
    package var executionRole: String?
    package var containers: [Container]

    /// `family:revision`, how ECS names a revision.
    package var reference: String { "\(family):\(revision)" }

    package init(family: String, revision: Int, arn: String, registeredAt: Date? = nil, cpu: String? = nil, memory: String? = nil,
                 networkMode: String? = nil, taskRole: String? = nil, executionRole: String? = nil, containers: [Container] = []) {
        self.family = family
        self.revision = revision
        self.arn = arn
        self.registeredAt = registeredAt
        self.cpu = cpu
        self.memory = memory
        self.networkMode = networkMode
        self.taskRole = taskRole
        self.executionRole = executionRole
        self.containers = containers
    }

    /// One container definition.
    package struct Container: Equatable, Sendable {
        package var name: String
        /// The image string as registered, and its parts (tag, pinned digest).
        package var image: String
        package var cpu: Int?
        package var memory: Int?
        package var memoryReservation: Int?
        package var essential: Bool
        /// Sorted by name.
        package var environment: [Variable]
        /// Sorted by name.
        package var secrets: [Secret]
        package var ports: [Port]
        package var healthCheck: HealthCheck?
        package var log: Log?

        package var imageReference: ImageReference { ImageReference.parse(image) }

        package init(name: String, image: String, cpu: Int? = nil, memory: Int? = nil, memoryReservation: Int? = nil, essential: Bool = true,
                     environment: [Variable] = [], secrets: [Secret] = [], ports: [Port] = [], healthCheck: HealthCheck? = nil, log: Log? = nil) {
            self.name = name
            self.image = image
            self.cpu = cpu
            self.memory = memory
            self.memoryReservation = memoryReservation
            self.essential = essential
            self.environment = environment.sorted { $0.name < $1.name }
            self.secrets = secrets.sorted { $0.name < $1.name }
            self.ports = ports
            self.healthCheck = healthCheck
            self.log = log
        }
    }

    /// A plain environment variable or log option.
    package struct Variable: Equatable, Sendable {
        package var name: String
        package var value: Value

        package init(name: String, value: Value) {
            self.name = name
            self.value = value
        }

        /// `.plain` is shown as is; `.hidden` stands for a value that looked like a secret and was dropped when the
        /// summary was built, keeping only a per-process fingerprint so two sides can still be compared.
        package enum Value: Equatable, Sendable {
            case plain(String)
            case hidden(fingerprint: String)

            /// What screens and files show.
            package var text: String {
                switch self {
                case .plain(let text): text
                case .hidden: "[hidden: looks like a secret]"
                }
            }
        }
    }

    /// A secret ECS injects: its name and where the value lives; the value itself is never known here.
    package struct Secret: Equatable, Sendable {
        package var name: String
        /// A Secrets Manager ARN (with an optional `:json-key::`) or an SSM parameter name or ARN.
        package var valueFrom: String

        package init(name: String, valueFrom: String) {
            self.name = name
            self.valueFrom = valueFrom
        }
    }

    /// A container port mapping.
    package struct Port: Equatable, Sendable {
        package var containerPort: Int?
        package var hostPort: Int?
        package var `protocol`: String?
        package var name: String?

        package init(containerPort: Int?, hostPort: Int? = nil, protocol: String? = nil, name: String? = nil) {
            self.containerPort = containerPort
            self.hostPort = hostPort
            self.protocol = `protocol`
            self.name = name
        }

        /// `8080/tcp → host 8080 (http)`.
        package var text: String {
            var text = "\(containerPort.map(String.init) ?? "?")/\(self.protocol ?? "tcp")"
            if let hostPort, hostPort != containerPort { text += " → host \(hostPort)" }
            if let name { text += " (\(name))" }
            return text
        }
    }

    /// A container health check; times in seconds, as ECS takes them.
    package struct HealthCheck: Equatable, Sendable {
        package var command: [String]
        package var interval: Int?
        package var timeout: Int?
        package var retries: Int?
        package var startPeriod: Int?

        package init(command: [String], interval: Int? = nil, timeout: Int? = nil, retries: Int? = nil, startPeriod: Int? = nil) {
            self.command = command
            self.interval = interval
            self.timeout = timeout
            self.retries = retries
            self.startPeriod = startPeriod
        }

        /// The command as one line: `CMD-SHELL curl -f …` shows as the shell line alone.
        package var commandText: String {
            if command.first == "CMD-SHELL" { return command.dropFirst().joined(separator: " ") }
            if command.first == "CMD" { return command.dropFirst().joined(separator: " ") }
            return command.joined(separator: " ")
        }

        /// `every 5s, timeout 2s, 2 retries, start period 5s`; ECS's defaults where a field is absent.
        package var timingText: String {
            "every \(interval ?? 30)s, timeout \(timeout ?? 5)s, \(retries ?? 3) retries, start period \(startPeriod ?? 0)s"
        }
    }

    /// Where a container's output goes.
    package struct Log: Equatable, Sendable {
        package var driver: String
        /// Sorted by name.
        package var options: [Variable]
        /// Options whose values come from a secret store; sorted by name.
        package var secretOptions: [Secret]

        package init(driver: String, options: [Variable] = [], secretOptions: [Secret] = []) {
            self.driver = driver
            self.options = options.sorted { $0.name < $1.name }
            self.secretOptions = secretOptions.sorted { $0.name < $1.name }
        }
    }
}
