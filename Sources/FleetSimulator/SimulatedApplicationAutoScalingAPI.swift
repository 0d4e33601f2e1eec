/// Application Auto Scaling over JSON 1.1: the scalable targets on the services' desired counts.
package enum SimulatedApplicationAutoScalingAPI {
    /// The namespaces AWS accepts; only `ecs` has targets here.
    private static let namespaces: Set<String> = [
        "ecs", "elasticmapreduce", "ec2", "appstream", "dynamodb", "rds", "sagemaker", "custom-resource", "comprehend", "lambda",
        "cassandra", "kafka", "elasticache", "neptune", "workspaces",
    ]

    package static func respond(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        switch context.call.operation {
        case "DescribeScalableTargets": return try describeScalableTargets(context)
        default: throw SimulatedFault(code: "UnknownOperationException", message: "")
        }
    }

    private static func describeScalableTargets(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        guard let namespace = try context.optionalString("ServiceNamespace") else { throw .missing("serviceNamespace") }
        guard namespaces.contains(namespace) else {
            throw validation("Value '\(namespace)' at 'serviceNamespace' failed to satisfy constraint: Member must satisfy enum value set")
        }
        let ids = try context.optionalStrings("ResourceIds") ?? []
        guard ids.count <= 50 else { throw validation("Value at 'resourceIds' failed to satisfy constraint: Member must have length less than or equal to 50") }
        let dimension = try context.optionalString("ScalableDimension")
        let size = try context.optionalInt("MaxResults") ?? 50
        guard (1...50).contains(size) else {
            throw validation("Value '\(size)' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50")
        }
        let targets = (namespace == "ecs" ? context.account?.scalableTargets ?? [] : []).filter { target in
            (ids.isEmpty || ids.contains(target.resourceId)) && (dimension.map { $0 == "ecs:service:DesiredCount" } ?? true)
        }
        let page = try context.page(targets, size: size, tokenKey: "NextToken")
        return .fields(["ScalableTargets": .array(page.items.map(\.json)), "NextToken": SimulatedJSON.text(page.next)])
    }

    private static func validation(_ message: String) -> SimulatedFault {
        SimulatedFault(code: "ValidationException", message: "1 validation error detected: " + message)
    }
}
