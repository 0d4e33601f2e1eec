import Foundation

/// Amazon ECR over the JSON 1.1 protocol: repositories, images, and retagging by manifest.
public struct ECRClient: Sendable {
    public let client: AWSServiceClient

    /// The largest page ECR serves for DescribeRepositories, DescribeImages and ListImages.
    static let pageSize = 1000
    /// The most image ids one BatchGetImage call takes.
    static let imagesPerBatchGet = 100

    public init(context: AWSClientContext) {
        client = AWSServiceClient(service: .ecr, context: context)
    }

    /// Repositories (all of the registry's, or the named ones), following every page.
    public func describeRepositories(repositoryNames: [String]? = nil, registryId: String? = nil) async throws -> [ECRRepository] {
        try await Paginator.collect { token in
            // ECR rejects maxResults together with repositoryNames.
            let input = ECRDescribeRepositoriesInput(registryId: registryId, repositoryNames: repositoryNames, nextToken: token,
                                                     maxResults: repositoryNames == nil ? Self.pageSize : nil)
            let page: ECRDescribeRepositoriesOutput = try await client.json("DescribeRepositories", input)
            return (page.repositories ?? [], page.nextToken)
        }
    }

    /// Image details of a repository (all of them, or those named by tag or digest), following every page.
    public func describeImages(repositoryName: String, imageIds: [ECRImageIdentifier]? = nil, tagStatus: ECRTagStatus? = nil,
                               registryId: String? = nil) async throws -> [ECRImageDetail] {
        try await Paginator.collect { token in
            // ECR rejects maxResults together with imageIds.
            let input = ECRDescribeImagesInput(registryId: registryId, repositoryName: repositoryName, imageIds: imageIds,
                                               filter: tagStatus.map { ECRTagStatusFilter(tagStatus: $0.rawValue) }, nextToken: token,
                                               maxResults: imageIds == nil ? Self.pageSize : nil)
            let page: ECRDescribeImagesOutput = try await client.json("DescribeImages", input)
            guard let details = page.imageDetails else {
                throw AWSError(service: client.service.name, operation: "DescribeImages", status: 200, code: "DeserializationError",
                               message: "the reply has no `imageDetails`")
            }
            return (details, page.nextToken)
        }
    }

    /// Every image id (digest and tag) in a repository, following every page.
    public func listImages(repositoryName: String, tagStatus: ECRTagStatus? = nil, registryId: String? = nil) async throws -> [ECRImageIdentifier] {
        try await Paginator.collect { token in
            let input = ECRListImagesInput(registryId: registryId, repositoryName: repositoryName,
                                           filter: tagStatus.map { ECRTagStatusFilter(tagStatus: $0.rawValue) }, nextToken: token,
                                           maxResults: Self.pageSize)
            let page: ECRListImagesOutput = try await client.json("ListImages", input)
            return (page.imageIds ?? [], page.nextToken)
        }
    }

    /// Images with their manifests, 100 ids a call; `acceptedMediaTypes` limits the manifest formats returned.
    /// With `cache`, images whose bytes are unchanged since an earlier reply are not decoded again.
    public func batchGetImage(repositoryName: String, imageIds: [ECRImageIdentifier], acceptedMediaTypes: [String]? = nil,
                              registryId: String? = nil, reusing cache: DecodedElementCache<ECRImage>? = nil) async throws -> ECRBatchGetImageResult {
        var result = ECRBatchGetImageResult()
        for start in stride(from: 0, to: imageIds.count, by: Self.imagesPerBatchGet) {
            let batch = Array(imageIds[start..<min(start + Self.imagesPerBatchGet, imageIds.count)])
            let input = ECRBatchGetImageInput(registryId: registryId, repositoryName: repositoryName, imageIds: batch,
                                              acceptedMediaTypes: acceptedMediaTypes)
            let output: ECRBatchGetImageOutput = try await client.json("BatchGetImage", input, array: "images", at: \.images, reusing: cache)
            guard let images = output.images else {
                throw AWSError(service: client.service.name, operation: "BatchGetImage", status: 200, code: "DeserializationError",
                               message: "the reply has no `images`")
            }
            result.images += images
            result.failures += output.failures ?? []
        }
        return result
    }

    /// Stores a manifest under a tag (a retag when the manifest came from BatchGetImage). A tag that
    /// already names this manifest fails with `ImageAlreadyExistsException`, which means "already there".
    @discardableResult
    public func putImage(_ request: ECRPutImageRequest) async throws -> ECRImage {
        let output: ECRPutImageOutput = try await client.json("PutImage", request)
        guard let image = output.image else {
            throw AWSError(service: client.service.name, operation: "PutImage", status: 200, code: "DeserializationError",
                           message: "no image in the reply")
        }
        return image
    }
}
