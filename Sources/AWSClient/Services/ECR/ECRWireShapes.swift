import Foundation

// The request and reply envelopes of the ECR operations, as sent on the wire.

/// DescribeRepositories' request.
struct ECRDescribeRepositoriesInput: Encodable {
    var registryId: String?
    var repositoryNames: [String]?
    var nextToken: String?
    var maxResults: Int?
}

/// DescribeRepositories' reply.
struct ECRDescribeRepositoriesOutput: Decodable {
    var repositories: [ECRRepository]?
    var nextToken: String?
}

/// The `filter` member of DescribeImages and ListImages.
struct ECRTagStatusFilter: Encodable {
    var tagStatus: String
}

/// DescribeImages' request.
struct ECRDescribeImagesInput: Encodable {
    var registryId: String?
    var repositoryName: String
    var imageIds: [ECRImageIdentifier]?
    var filter: ECRTagStatusFilter?
    var nextToken: String?
    var maxResults: Int?
}

/// DescribeImages' reply.
struct ECRDescribeImagesOutput: Decodable {
    var imageDetails: [ECRImageDetail]?
    var nextToken: String?
}

/// ListImages' request.
struct ECRListImagesInput: Encodable {
    var registryId: String?
    var repositoryName: String
    var filter: ECRTagStatusFilter?
    var nextToken: String?
    var maxResults: Int?
}

/// ListImages' reply.
struct ECRListImagesOutput: Decodable {
    var imageIds: [ECRImageIdentifier]?
    var nextToken: String?
}

/// BatchGetImage's request (at most 100 image ids).
struct ECRBatchGetImageInput: Encodable {
    var registryId: String?
    var repositoryName: String
    var imageIds: [ECRImageIdentifier]
    var acceptedMediaTypes: [String]?
}

/// BatchGetImage's reply.
struct ECRBatchGetImageOutput: Decodable {
    var images: [ECRImage]?
    var failures: [ECRImageFailure]?
}

/// PutImage's reply.
struct ECRPutImageOutput: Decodable {
    var image: ECRImage?
}
