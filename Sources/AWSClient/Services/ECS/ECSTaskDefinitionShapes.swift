import Foundation

/// A task definition revision; what it does not model is kept for RegisterTaskDefinition.
public struct ECSTaskDefinition: Sendable, Equatable, Codable {
    public var taskDefinitionArn: String?
    public var family: String?
    public var revision: Int?
    public var status: String?
    public var containerDefinitions: [ECSContainerDefinition]?
    public var cpu: String?
    public var memory: String?
    public var networkMode: String?
    public var requiresCompatibilities: [String]?
    public var executionRoleArn: String?
    public var taskRoleArn: String?
    public var registeredAt: Date?
    /// Members this shape does not model, kept so that sending it back to AWS loses nothing.
    var unmodeled = UnmodeledFields()

    public init(
        taskDefinitionArn: String? = nil, family: String? = nil, revision: Int? = nil, status: String? = nil,
        containerDefinitions: [ECSContainerDefinition]? = nil, cpu: String? = nil, memory: String? = nil,
        networkMode: String? = nil, requiresCompatibilities: [String]? = nil,
        executionRoleArn: String? = nil, taskRoleArn: String? = nil, registeredAt: Date? = nil
    ) {
        self.taskDefinitionArn = taskDefinitionArn
        self.family = family
        self.revision = revision
        self.status = status
        self.containerDefinitions = containerDefinitions
        self.cpu = cpu
        self.memory = memory
        self.networkMode = networkMode
        self.requiresCompatibilities = requiresCompatibilities
        self.executionRoleArn = executionRoleArn
        self.taskRoleArn = taskRoleArn
        self.registeredAt = registeredAt
    }

    /// The modelled members; every other key goes to `unmodeled`.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case taskDefinitionArn, family, revision, status, containerDefinitions, cpu, memory, networkMode, requiresCompatibilities, executionRoleArn, taskRoleArn, registeredAt
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        taskDefinitionArn = try container.decodeIfPresent(String.self, forKey: .taskDefinitionArn)
        family = try container.decodeIfPresent(String.self, forKey: .family)
        revision = try container.decodeIfPresent(Int.self, forKey: .revision)
        status = try container.decodeIfPresent(String.self, forKey: .status)
        containerDefinitions = try container.decodeIfPresent([ECSContainerDefinition].self, forKey: .containerDefinitions)
        cpu = try container.decodeIfPresent(String.self, forKey: .cpu)
        memory = try container.decodeIfPresent(String.self, forKey: .memory)
        networkMode = try container.decodeIfPresent(String.self, forKey: .networkMode)
        requiresCompatibilities = try container.decodeIfPresent([String].self, forKey: .requiresCompatibilities)
        executionRoleArn = try container.decodeIfPresent(String.self, forKey: .executionRoleArn)
        taskRoleArn = try container.decodeIfPresent(String.self, forKey: .taskRoleArn)
        registeredAt = try container.decodeIfPresent(Date.self, forKey: .registeredAt)
        unmodeled = try UnmodeledFields(from: decoder, modeled: CodingKeys.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(taskDefinitionArn, forKey: .taskDefinitionArn)
        try container.encodeIfPresent(family, forKey: .family)
        try container.encodeIfPresent(revision, forKey: .revision)
        try container.encodeIfPresent(status, forKey: .status)
        try container.encodeIfPresent(containerDefinitions, forKey: .containerDefinitions)
        try container.encodeIfPresent(cpu, forKey: .cpu)
        try container.encodeIfPresent(memory, forKey: .memory)
        try container.encodeIfPresent(networkMode, forKey: .networkMode)
        try container.encodeIfPresent(requiresCompatibilities, forKey: .requiresCompatibilities)
        try container.encodeIfPresent(executionRoleArn, forKey: .executionRoleArn)
        try container.encodeIfPresent(taskRoleArn, forKey: .taskRoleArn)
        try container.encodeIfPresent(registeredAt, forKey: .registeredAt)
        try unmodeled.encode(to: encoder)
    }
}

/// One container of a task definition; unmodelled members (mounts, ulimits, …) are kept.
public struct ECSContainerDefinition: Sendable, Equatable, Codable {
    public var name: String?
    public var image: String?
    public var essential: Bool?
    public var cpu: Int?
    public var memory: Int?
    public var memoryReservation: Int?
    public var command: [String]?
    public var entryPoint: [String]?
    public var environment: [ECSKeyValuePair]?
    public var portMappings: [ECSPortMapping]?
    public var logConfiguration: ECSLogConfiguration?
    public var healthCheck: ECSHealthCheck?
    /// Secrets injected as environment variables: each names where the value lives, never the value.
    public var secrets: [ECSSecret]?
    /// Members this shape does not model, kept so that sending it back to AWS loses nothing.
    var unmodeled = UnmodeledFields()

    public init(
        name: String? = nil, image: String? = nil, essential: Bool? = nil, cpu: Int? = nil,
        memory: Int? = nil, memoryReservation: Int? = nil, command: [String]? = nil,
        entryPoint: [String]? = nil, environment: [ECSKeyValuePair]? = nil,
        portMappings: [ECSPortMapping]? = nil, logConfiguration: ECSLogConfiguration? = nil,
        healthCheck: ECSHealthCheck? = nil, secrets: [ECSSecret]? = nil
    ) {
        self.name = name
        self.image = image
        self.essential = essential
        self.cpu = cpu
        self.memory = memory
        self.memoryReservation = memoryReservation
        self.command = command
        self.entryPoint = entryPoint
        self.environment = environment
        self.portMappings = portMappings
        self.logConfiguration = logConfiguration
        self.healthCheck = healthCheck
        self.secrets = secrets
    }

    /// The modelled members; every other key goes to `unmodeled`.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, image, essential, cpu, memory, memoryReservation, command, entryPoint, environment, portMappings, logConfiguration, healthCheck
        case secrets
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        image = try container.decodeIfPresent(String.self, forKey: .image)
        essential = try container.decodeIfPresent(Bool.self, forKey: .essential)
        cpu = try container.decodeIfPresent(Int.self, forKey: .cpu)
        memory = try container.decodeIfPresent(Int.self, forKey: .memory)
        memoryReservation = try container.decodeIfPresent(Int.self, forKey: .memoryReservation)
        command = try container.decodeIfPresent([String].self, forKey: .command)
        entryPoint = try container.decodeIfPresent([String].self, forKey: .entryPoint)
        environment = try container.decodeIfPresent([ECSKeyValuePair].self, forKey: .environment)
        portMappings = try container.decodeIfPresent([ECSPortMapping].self, forKey: .portMappings)
        logConfiguration = try container.decodeIfPresent(ECSLogConfiguration.self, forKey: .logConfiguration)
        healthCheck = try container.decodeIfPresent(ECSHealthCheck.self, forKey: .healthCheck)
        secrets = try container.decodeIfPresent([ECSSecret].self, forKey: .secrets)
        unmodeled = try UnmodeledFields(from: decoder, modeled: CodingKeys.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(image, forKey: .image)
        try container.encodeIfPresent(essential, forKey: .essential)
        try container.encodeIfPresent(cpu, forKey: .cpu)
        try container.encodeIfPresent(memory, forKey: .memory)
        try container.encodeIfPresent(memoryReservation, forKey: .memoryReservation)
        try container.encodeIfPresent(command, forKey: .command)
        try container.encodeIfPresent(entryPoint, forKey: .entryPoint)
        try container.encodeIfPresent(environment, forKey: .environment)
        try container.encodeIfPresent(portMappings, forKey: .portMappings)
        try container.encodeIfPresent(logConfiguration, forKey: .logConfiguration)
        try container.encodeIfPresent(healthCheck, forKey: .healthCheck)
        try container.encodeIfPresent(secrets, forKey: .secrets)
        try unmodeled.encode(to: encoder)
    }
}

/// Where a container's output goes; for awslogs the group, region and stream prefix.
public struct ECSLogConfiguration: Sendable, Equatable, Codable {
    public var logDriver: String?
    public var options: [String: String]?
    /// Options whose values come from Secrets Manager or Parameter Store (a Splunk token, say).
    public var secretOptions: [ECSSecret]?
    /// Members this shape does not model, kept so that sending it back to AWS loses nothing.
    var unmodeled = UnmodeledFields()

    public init(logDriver: String? = nil, options: [String: String]? = nil, secretOptions: [ECSSecret]? = nil) {
        self.logDriver = logDriver
        self.options = options
        self.secretOptions = secretOptions
    }

    /// The modelled members; every other key goes to `unmodeled`.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case logDriver, options, secretOptions
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        logDriver = try container.decodeIfPresent(String.self, forKey: .logDriver)
        options = try container.decodeIfPresent([String: String].self, forKey: .options)
        secretOptions = try container.decodeIfPresent([ECSSecret].self, forKey: .secretOptions)
        unmodeled = try UnmodeledFields(from: decoder, modeled: CodingKeys.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(logDriver, forKey: .logDriver)
        try container.encodeIfPresent(options, forKey: .options)
        try container.encodeIfPresent(secretOptions, forKey: .secretOptions)
        try unmodeled.encode(to: encoder)
    }
}

/// A secret ECS injects at start: the variable's name and where its value lives (a Secrets Manager ARN or an SSM
/// parameter); ECS never returns the value itself.
public struct ECSSecret: Sendable, Equatable, Codable {
    public var name: String?
    public var valueFrom: String?

    public init(name: String? = nil, valueFrom: String? = nil) {
        self.name = name
        self.valueFrom = valueFrom
    }
}

/// A container port and how it is exposed.
public struct ECSPortMapping: Sendable, Equatable, Codable {
    public var containerPort: Int?
    public var hostPort: Int?
    public var `protocol`: String?
    public var name: String?
    /// Members this shape does not model, kept so that sending it back to AWS loses nothing.
    var unmodeled = UnmodeledFields()

    public init(containerPort: Int? = nil, hostPort: Int? = nil, `protocol`: String? = nil, name: String? = nil) {
        self.containerPort = containerPort
        self.hostPort = hostPort
        self.`protocol` = `protocol`
        self.name = name
    }

    /// The modelled members; every other key goes to `unmodeled`.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case containerPort, hostPort, `protocol`, name
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        containerPort = try container.decodeIfPresent(Int.self, forKey: .containerPort)
        hostPort = try container.decodeIfPresent(Int.self, forKey: .hostPort)
        self.`protocol` = try container.decodeIfPresent(String.self, forKey: .`protocol`)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        unmodeled = try UnmodeledFields(from: decoder, modeled: CodingKeys.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(containerPort, forKey: .containerPort)
        try container.encodeIfPresent(hostPort, forKey: .hostPort)
        try container.encodeIfPresent(self.`protocol`, forKey: .`protocol`)
        try container.encodeIfPresent(name, forKey: .name)
        try unmodeled.encode(to: encoder)
    }
}

/// A container health check command and its timing.
public struct ECSHealthCheck: Sendable, Equatable, Codable {
    public var command: [String]?
    public var interval: Int?
    public var timeout: Int?
    public var retries: Int?
    public var startPeriod: Int?
    /// Members this shape does not model, kept so that sending it back to AWS loses nothing.
    var unmodeled = UnmodeledFields()

    public init(
        command: [String]? = nil, interval: Int? = nil, timeout: Int? = nil, retries: Int? = nil,
        startPeriod: Int? = nil
    ) {
        self.command = command
        self.interval = interval
        self.timeout = timeout
        self.retries = retries
        self.startPeriod = startPeriod
    }

    /// The modelled members; every other key goes to `unmodeled`.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case command, interval, timeout, retries, startPeriod
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        command = try container.decodeIfPresent([String].self, forKey: .command)
        interval = try container.decodeIfPresent(Int.self, forKey: .interval)
        timeout = try container.decodeIfPresent(Int.self, forKey: .timeout)
        retries = try container.decodeIfPresent(Int.self, forKey: .retries)
        startPeriod = try container.decodeIfPresent(Int.self, forKey: .startPeriod)
        unmodeled = try UnmodeledFields(from: decoder, modeled: CodingKeys.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(command, forKey: .command)
        try container.encodeIfPresent(interval, forKey: .interval)
        try container.encodeIfPresent(timeout, forKey: .timeout)
        try container.encodeIfPresent(retries, forKey: .retries)
        try container.encodeIfPresent(startPeriod, forKey: .startPeriod)
        try unmodeled.encode(to: encoder)
    }
}

/// A task definition with the tags DescribeTaskDefinition returns beside it.
public struct ECSTaskDefinitionDescription: Sendable, Equatable {
    public var taskDefinition: ECSTaskDefinition
    public var tags: [ECSTag]

    public init(taskDefinition: ECSTaskDefinition, tags: [ECSTag] = []) {
        self.taskDefinition = taskDefinition
        self.tags = tags
    }
}
