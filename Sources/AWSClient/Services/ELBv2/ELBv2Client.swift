import Foundation

/// Elastic Load Balancing v2 over the query protocol: target groups and the health of their targets.
public struct ELBv2Client: Sendable {
    public let client: AWSServiceClient

    /// The largest page DescribeTargetGroups serves.
    static let pageSize = 400

    public init(context: AWSClientContext) {
        client = AWSServiceClient(service: .elbv2, context: context)
    }

    /// Target groups by ARN, by name or of one load balancer (all of the account's when none is
    /// given), following `Marker` pages to the end.
    public func describeTargetGroups(targetGroupArns: [String] = [], loadBalancerArn: String? = nil,
                                     names: [String] = []) async throws -> [ELBv2TargetGroup] {
        try await Paginator.collect { marker in
            var parameters = Self.members("TargetGroupArns", targetGroupArns) + Self.members("Names", names)
            if let loadBalancerArn { parameters.append(QueryItem("LoadBalancerArn", loadBalancerArn)) }
            parameters.append(QueryItem("PageSize", String(Self.pageSize)))
            if let marker { parameters.append(QueryItem("Marker", marker)) }
            return try await client.queryResult("DescribeTargetGroups", parameters) { result in
                (result.child("TargetGroups")?.children(named: "member").map(ELBv2TargetGroup.init(xml:)) ?? [], result.child("NextMarker")?.text)
            }
        }
    }

    /// The registered targets of a target group and their health.
    public func describeTargetHealth(targetGroupArn: String) async throws -> [ELBv2TargetHealthDescription] {
        try await client.queryResult("DescribeTargetHealth", [QueryItem("TargetGroupArn", targetGroupArn)], reusable: true) { result in
            result.child("TargetHealthDescriptions")?.children(named: "member").map(ELBv2TargetHealthDescription.init(xml:)) ?? []
        }
    }

    /// A query-protocol list parameter: `Name.member.1=a&Name.member.2=b`.
    static func members(_ name: String, _ values: [String]) -> [QueryItem] {
        values.enumerated().map { QueryItem("\(name).member.\($0.offset + 1)", $0.element) }
    }
}
