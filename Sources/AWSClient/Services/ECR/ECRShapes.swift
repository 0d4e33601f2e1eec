import Foundation

/// An ECR repository.
public struct ECRRepository: Sendable, Equatable, Codable {
    public var repositoryArn: String?
    public var registryId: String?
    public var repositoryName: String?
    public var repositoryUri: String?
    public var createdAt: Date?
    public var imageTagMutability: String?

    public init(
        repositoryArn: String? = nil, registryId: String? = nil, repositoryName: String? = nil,
        repositoryUri: String? = nil, createdAt: Date? = nil, imageTagMutability: String? = nil
    ) {
        self.repositoryArn = repositoryArn
        self.registryId = registryId
        self.repositoryName = repositoryName
        self.repositoryUri = repositoryUri
        self.createdAt = createdAt
        self.imageTagMutability = imageTagMutability
    }
}

/// An image named by tag or by digest (or both).
public struct ECRImageIdentifier: Sendable, Equatable, Codable {
    public var imageDigest: String?
    public var imageTag: String?

    public init(imageDigest: String? = nil, imageTag: String? = nil) {
        self.imageDigest = imageDigest
        self.imageTag = imageTag
    }
}

/// An image as DescribeImages reports it: its digest, tags, size and push time.
public struct ECRImageDetail: Sendable, Equatable, Codable {
    public var registryId: String?
    public var repositoryName: String?
    public var imageDigest: String?
    public var imageTags: [String]?
    public var imageSizeInBytes: Int64?
    public var imagePushedAt: Date?
    public var imageManifestMediaType: String?
    public var artifactMediaType: String?
    public var lastRecordedPullTime: Date?

    public init(
        registryId: String? = nil, repositoryName: String? = nil, imageDigest: String? = nil,
        imageTags: [String]? = nil, imageSizeInBytes: Int64? = nil, imagePushedAt: Date? = nil,
        imageManifestMediaType: String? = nil, artifactMediaType: String? = nil,
        lastRecordedPullTime: Date? = nil
    ) {
        self.registryId = registryId
        self.repositoryName = repositoryName
        self.imageDigest = imageDigest
        self.imageTags = imageTags
        self.imageSizeInBytes = imageSizeInBytes
        self.imagePushedAt = imagePushedAt
        self.imageManifestMediaType = imageManifestMediaType
        self.artifactMediaType = artifactMediaType
        self.lastRecordedPullTime = lastRecordedPullTime
    }
}

/// An image with its manifest, exactly as stored (BatchGetImage, PutImage).
public struct ECRImage: Sendable, Equatable, Codable {
    public var registryId: String?
    public var repositoryName: String?
    public var imageId: ECRImageIdentifier?
    /// The manifest text; its bytes are what the digest is computed from, so it is never re-serialised.
    public var imageManifest: String?
    public var imageManifestMediaType: String?

    public init(
        registryId: String? = nil, repositoryName: String? = nil, imageId: ECRImageIdentifier? = nil,
        imageManifest: String? = nil, imageManifestMediaType: String? = nil
    ) {
        self.registryId = registryId
        self.repositoryName = repositoryName
        self.imageId = imageId
        self.imageManifest = imageManifest
        self.imageManifestMediaType = imageManifestMediaType
    }
}

/// An image BatchGetImage could not return, and why (`ImageNotFound`, …).
public struct ECRImageFailure: Sendable, Equatable, Codable {
    public var imageId: ECRImageIdentifier?
    public var failureCode: String?
    public var failureReason: String?

    public init(imageId: ECRImageIdentifier? = nil, failureCode: String? = nil, failureReason: String? = nil) {
        self.imageId = imageId
        self.failureCode = failureCode
        self.failureReason = failureReason
    }
}

/// What BatchGetImage returned: the images found and the failures for the rest.
public struct ECRBatchGetImageResult: Sendable, Equatable {
    public var images: [ECRImage]
    public var failures: [ECRImageFailure]

    public init(images: [ECRImage] = [], failures: [ECRImageFailure] = []) {
        self.images = images
        self.failures = failures
    }
}

/// The inputs of PutImage: a manifest (passed through byte for byte) to store under a tag.
public struct ECRPutImageRequest: Sendable, Equatable, Encodable {
    public var repositoryName: String
    public var imageManifest: String
    public var imageManifestMediaType: String?
    public var imageTag: String?
    public var imageDigest: String?
    public var registryId: String?

    public init(repositoryName: String, imageManifest: String, imageManifestMediaType: String? = nil, imageTag: String? = nil,
                imageDigest: String? = nil, registryId: String? = nil) {
        self.repositoryName = repositoryName
        self.imageManifest = imageManifest
        self.imageManifestMediaType = imageManifestMediaType
        self.imageTag = imageTag
        self.imageDigest = imageDigest
        self.registryId = registryId
    }
}

/// Which images DescribeImages and ListImages return by whether they carry a tag.
public enum ECRTagStatus: String, Sendable, Equatable, Codable {
    case tagged = "TAGGED"
    case untagged = "UNTAGGED"
    case any = "ANY"
}
