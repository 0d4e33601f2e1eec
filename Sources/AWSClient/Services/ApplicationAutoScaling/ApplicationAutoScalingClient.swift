import Foundation

/// Application Auto Scaling over the JSON 1.1 protocol: the scalable targets that bound a resource's capacity
/// (for ECS, a service's desired count).
public struct ApplicationAutoScalingClient: Sendable {
    public let client: AWSServiceClient

    /// The largest page DescribeScalableTargets serves.
    static let targetsPerPage = 50
    /// The most resource ids one DescribeScalableTargets call takes.
    static let resourceIdsPerCall = 50

    /// ECS's namespace and the dimension its services scale on.
    public static let ecsNamespace = "ecs"
    public static let ecsDesiredCount = "ecs:service:DesiredCount"

    public init(context: AWSClientContext) {
        client = AWSServiceClient(service: .applicationAutoScaling, context: context)
    }

    /// The resource id Application Auto Scaling gives an ECS service: `service/CLUSTER/SERVICE`.
    public static func ecsServiceResourceId(cluster: String, service: String) -> String {
        let name = cluster.hasPrefix("arn:") ? String(cluster.split(separator: "/").last ?? "") : cluster
        return "service/\(name)/\(service)"
    }

    /// The scalable targets of a namespace, optionally only those of `resourceIds` and one dimension, following
    /// every page (and batching ids by the most one call takes).
    public func describeScalableTargets(serviceNamespace: String, resourceIds: [String] = [],
                                        scalableDimension: String? = nil) async throws -> [ApplicationAutoScalingScalableTarget] {
        var batches: [[String]?] = []
        if resourceIds.isEmpty {
            batches = [nil]
        } else {
            for start in stride(from: 0, to: resourceIds.count, by: Self.resourceIdsPerCall) {
                batches.append(Array(resourceIds[start..<min(start + Self.resourceIdsPerCall, resourceIds.count)]))
            }
        }
        var targets: [ApplicationAutoScalingScalableTarget] = []
        for batch in batches {
            targets += try await Paginator.collect { token in
                let input = ApplicationAutoScalingDescribeTargetsInput(
                    serviceNamespace: serviceNamespace, resourceIds: batch, scalableDimension: scalableDimension,
                    maxResults: Self.targetsPerPage, nextToken: token)
                let page: ApplicationAutoScalingDescribeTargetsOutput = try await client.json("DescribeScalableTargets", input)
                guard let items = page.scalableTargets else {
                    // Every reply carries the list, empty when nothing matches: without it the reply is broken, not "no target".
                    throw AWSError(service: client.service.name, operation: "DescribeScalableTargets", status: 200, code: "DeserializationError",
                                   message: "the reply has no `ScalableTargets`")
                }
                return (items, page.nextToken)
            }
        }
        return targets
    }

    /// The desired-count target of one ECS service, or nil when Application Auto Scaling does not manage it.
    public func ecsServiceTarget(cluster: String, service: String) async throws -> ApplicationAutoScalingScalableTarget? {
        let resourceId = Self.ecsServiceResourceId(cluster: cluster, service: service)
        let targets = try await describeScalableTargets(serviceNamespace: Self.ecsNamespace, resourceIds: [resourceId],
                                                        scalableDimension: Self.ecsDesiredCount)
        return targets.first { $0.resourceId == resourceId && ($0.scalableDimension ?? Self.ecsDesiredCount) == Self.ecsDesiredCount }
    }
}
