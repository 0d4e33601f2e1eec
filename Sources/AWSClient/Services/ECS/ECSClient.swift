import Foundation

/// Amazon ECS over the JSON 1.1 protocol: clusters, services, tasks and task definitions.
public struct ECSClient: Sendable {
    public let client: AWSServiceClient

    public init(context: AWSClientContext) {
        client = AWSServiceClient(service: .ecs, context: context)
    }

    /// Every cluster ARN, following every page.
    public func listClusters() async throws -> [String] {
        try await Paginator.collect { token in
            let page: ECSListClustersOutput = try await client.json("ListClusters", ECSListInput(nextToken: token, maxResults: 100))
            return (page.clusterArns ?? [], page.nextToken)
        }
    }

    /// Every service ARN in the cluster, following every page (100 per page, the most ECS allows).
    public func listServices(cluster: String) async throws -> [String] {
        try await Paginator.collect { token in
            let page: ECSListServicesOutput = try await client.json(
                "ListServices", ECSListServicesInput(cluster: cluster, nextToken: token, maxResults: 100))
            return (page.serviceArns ?? [], page.nextToken)
        }
    }
}

struct ECSListInput: Encodable {
    var nextToken: String?
    var maxResults: Int?
}

struct ECSListServicesInput: Encodable {
    var cluster: String
    var nextToken: String?
    var maxResults: Int?
}

struct ECSListClustersOutput: Decodable {
    var clusterArns: [String]?
    var nextToken: String?
}

struct ECSListServicesOutput: Decodable {
    var serviceArns: [String]?
    var nextToken: String?
}
