import Foundation

// The request and reply envelopes of the Application Auto Scaling operations, as sent on the wire (its members
// are capitalised, unlike ECS's).

/// DescribeScalableTargets' request.
struct ApplicationAutoScalingDescribeTargetsInput: Encodable {
    var serviceNamespace: String
    var resourceIds: [String]?
    var scalableDimension: String?
    var maxResults: Int?
    var nextToken: String?

    enum CodingKeys: String, CodingKey {
        case serviceNamespace = "ServiceNamespace", resourceIds = "ResourceIds", scalableDimension = "ScalableDimension"
        case maxResults = "MaxResults", nextToken = "NextToken"
    }
}

/// DescribeScalableTargets' reply.
struct ApplicationAutoScalingDescribeTargetsOutput: Decodable {
    var scalableTargets: [ApplicationAutoScalingScalableTarget]?
    var nextToken: String?

    enum CodingKeys: String, CodingKey {
        case scalableTargets = "ScalableTargets", nextToken = "NextToken"
    }
}
