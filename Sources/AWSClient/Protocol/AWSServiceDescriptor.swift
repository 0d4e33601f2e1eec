/// What AWSClient needs to know to talk to one AWS service: names, host, wire protocol and timestamp form.
public struct AWSServiceDescriptor: Sendable, Equatable {
    /// How requests and responses are shaped.
    public enum WireProtocol: Sendable, Equatable {
        /// `POST /`, `X-Amz-Target: prefix.Operation`, `application/x-amz-json-1.1`.
        case json(targetPrefix: String)
        /// `POST /` form body `Action=…&Version=…`, XML replies.
        case query(version: String)
    }

    /// How a JSON service writes numeric timestamps.
    public enum TimestampUnit: Sendable, Equatable {
        case seconds
        case milliseconds
    }

    public let name: String
    public let signingName: String
    /// The first labels of the host name: `ecs`, `api.ecr`, …
    public let hostPrefix: String
    /// The suffix of the AWS CLI's `AWS_ENDPOINT_URL_<SUFFIX>` override.
    public let endpointEnvironmentSuffix: String
    public let wireProtocol: WireProtocol
    public let timestampUnit: TimestampUnit
    /// Whether its successful replies hold credentials (STS's AssumeRole answers): errors about such a reply
    /// give its size only, never a snippet of it. (The SSO portal, the other credential-carrying endpoint, is
    /// called by `SSOCredentialProvider` directly and never quotes a body either.)
    public let carriesCredentials: Bool

    public static let ecs = AWSServiceDescriptor(
        name: "ECS", signingName: "ecs", hostPrefix: "ecs", endpointEnvironmentSuffix: "ECS",
        wireProtocol: .json(targetPrefix: "AmazonEC2ContainerServiceV20141113"), timestampUnit: .seconds, carriesCredentials: false
    )
    public static let ecr = AWSServiceDescriptor(
        name: "ECR", signingName: "ecr", hostPrefix: "api.ecr", endpointEnvironmentSuffix: "ECR",
        wireProtocol: .json(targetPrefix: "AmazonEC2ContainerRegistry_V20150921"), timestampUnit: .seconds, carriesCredentials: false
    )
    public static let cloudWatchLogs = AWSServiceDescriptor(
        name: "CloudWatchLogs", signingName: "logs", hostPrefix: "logs", endpointEnvironmentSuffix: "CLOUDWATCH_LOGS",
        wireProtocol: .json(targetPrefix: "Logs_20140328"), timestampUnit: .milliseconds, carriesCredentials: false
    )
    public static let codePipeline = AWSServiceDescriptor(
        name: "CodePipeline", signingName: "codepipeline", hostPrefix: "codepipeline", endpointEnvironmentSuffix: "CODEPIPELINE",
        wireProtocol: .json(targetPrefix: "CodePipeline_20150709"), timestampUnit: .seconds, carriesCredentials: false
    )
    public static let sts = AWSServiceDescriptor(
        name: "STS", signingName: "sts", hostPrefix: "sts", endpointEnvironmentSuffix: "STS",
        wireProtocol: .query(version: "2011-06-15"), timestampUnit: .seconds, carriesCredentials: true
    )
    public static let elbv2 = AWSServiceDescriptor(
        name: "ELBv2", signingName: "elasticloadbalancing", hostPrefix: "elasticloadbalancing",
        endpointEnvironmentSuffix: "ELASTIC_LOAD_BALANCING_V2", wireProtocol: .query(version: "2015-12-01"), timestampUnit: .seconds, carriesCredentials: false
    )
    public static let applicationAutoScaling = AWSServiceDescriptor(
        name: "ApplicationAutoScaling", signingName: "application-autoscaling", hostPrefix: "application-autoscaling",
        endpointEnvironmentSuffix: "APPLICATION_AUTO_SCALING", wireProtocol: .json(targetPrefix: "AnyScaleFrontendService"), timestampUnit: .seconds,
        carriesCredentials: false
    )

    /// Every service ecsdash talks to, for lookups by name (`ecsdash call ecs …`).
    public static let all: [AWSServiceDescriptor] = [.ecs, .ecr, .cloudWatchLogs, .codePipeline, .sts, .elbv2, .applicationAutoScaling]

    /// Whether the service named `name` (as in `AWSError.service`) carries credentials; a name that is none of
    /// ours is assumed to, so an unknown reply is never quoted.
    static func carriesCredentials(serviceNamed name: String) -> Bool {
        all.first { $0.name == name }?.carriesCredentials ?? true
    }

    /// Finds a service by any of its usual names (`ecs`, `ECR`, `logs`, `cloudwatch-logs`, `elbv2`, `application-autoscaling`, …).
    public static func named(_ name: String) -> AWSServiceDescriptor? {
        let key = name.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        let aliases: [String: AWSServiceDescriptor] = [
            "ecs": .ecs, "ecr": .ecr, "logs": .cloudWatchLogs, "cloudwatchlogs": .cloudWatchLogs,
            "codepipeline": .codePipeline, "sts": .sts, "elbv2": .elbv2, "elasticloadbalancing": .elbv2,
            "elasticloadbalancingv2": .elbv2, "applicationautoscaling": .applicationAutoScaling, "appautoscaling": .applicationAutoScaling,
        ]
        return aliases[key]
    }
}
