import Foundation

// The request and reply envelopes of the ECS operations, as sent on the wire; callers see only
// the items inside them.

/// A paged list request with no other parameters (ListClusters).
struct ECSListInput: Encodable {
    var nextToken: String?
    var maxResults: Int?
}

/// ListServices' request.
struct ECSListServicesInput: Encodable {
    var cluster: String
    var nextToken: String?
    var maxResults: Int?
}

/// ListClusters' reply.
struct ECSListClustersOutput: Decodable {
    var clusterArns: [String]?
    var nextToken: String?
}

/// ListServices' reply.
struct ECSListServicesOutput: Decodable {
    var serviceArns: [String]?
    var nextToken: String?
}

/// DescribeClusters' request (at most 100 names).
struct ECSDescribeClustersInput: Encodable {
    var clusters: [String]
}

/// DescribeClusters' reply.
struct ECSDescribeClustersOutput: Decodable {
    var clusters: [ECSCluster]?
    var failures: [ECSFailure]?
}

/// DescribeServices' request (at most 10 names).
struct ECSDescribeServicesInput: Encodable {
    var cluster: String
    var services: [String]
}

/// DescribeServices' reply.
struct ECSDescribeServicesOutput<Service: Decodable & Sendable>: Decodable, Sendable {
    var services: [Service]?
    var failures: [ECSFailure]?
}

/// ListTasks' request.
struct ECSListTasksInput: Encodable {
    var cluster: String
    var serviceName: String?
    var desiredStatus: String?
    var family: String?
    var nextToken: String?
    var maxResults: Int?
}

/// ListTasks' reply.
struct ECSListTasksOutput: Decodable {
    var taskArns: [String]?
    var nextToken: String?
}

/// DescribeTasks' request (at most 100 tasks).
struct ECSDescribeTasksInput: Encodable {
    var cluster: String
    var tasks: [String]
}

/// DescribeTasks' reply.
struct ECSDescribeTasksOutput<Task: Decodable & Sendable>: Decodable, Sendable {
    var tasks: [Task]?
    var failures: [ECSFailure]?
}

/// DescribeTaskDefinition's request; `include: ["TAGS"]` asks for the tags too.
struct ECSDescribeTaskDefinitionInput: Encodable {
    var taskDefinition: String
    var include: [String]?
}

/// The reply of DescribeTaskDefinition and of RegisterTaskDefinition.
struct ECSDescribeTaskDefinitionOutput: Decodable {
    var taskDefinition: ECSTaskDefinition?
    var tags: [ECSTag]?
}

/// UpdateService's request; nil members are left out, so they stay as they are.
struct ECSUpdateServiceInput: Encodable {
    var cluster: String
    var service: String
    var taskDefinition: String?
    var forceNewDeployment: Bool?
    var desiredCount: Int?
}

/// UpdateService's reply.
struct ECSServiceOutput: Decodable {
    var service: ECSService?
}

/// StopTask's request.
struct ECSStopTaskInput: Encodable {
    var cluster: String
    var task: String
    var reason: String?
}

/// StopTask's reply.
struct ECSStopTaskOutput: Decodable {
    var task: ECSTask?
}

/// RegisterTaskDefinition's input: a described definition minus what only AWS may set.
struct ECSRegisterTaskDefinitionInput: Encodable {
    var definition: ECSTaskDefinition
    var tags: [ECSTag]

    /// Request members of RegisterTaskDefinition that ECSTaskDefinition does not model, passed through
    /// as described. Anything else unmodelled (requiresAttributes, compatibilities, registeredBy, …)
    /// is output-only and RegisterTaskDefinition would reject it.
    static let passedThrough: Set<String> = [
        "volumes", "placementConstraints", "pidMode", "ipcMode", "proxyConfiguration", "inferenceAccelerators",
        "ephemeralStorage", "runtimePlatform", "enableFaultInjection",
    ]

    typealias Key = UnmodeledFields.AnyKey

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(definition.family, forKey: Key("family"))
        try container.encodeIfPresent(definition.taskRoleArn, forKey: Key("taskRoleArn"))
        try container.encodeIfPresent(definition.executionRoleArn, forKey: Key("executionRoleArn"))
        try container.encodeIfPresent(definition.networkMode, forKey: Key("networkMode"))
        try container.encodeIfPresent(definition.containerDefinitions, forKey: Key("containerDefinitions"))
        try container.encodeIfPresent(definition.requiresCompatibilities, forKey: Key("requiresCompatibilities"))
        try container.encodeIfPresent(definition.cpu, forKey: Key("cpu"))
        try container.encodeIfPresent(definition.memory, forKey: Key("memory"))
        for (key, value) in definition.unmodeled.values where Self.passedThrough.contains(key) {
            try container.encode(value, forKey: Key(key))
        }
        if !tags.isEmpty { try container.encode(tags, forKey: Key("tags")) }
    }
}
