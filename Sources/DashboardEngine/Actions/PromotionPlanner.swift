import AWSClient
import DashboardModel
import Foundation

/// Resolves a promotion with the registry's READ role: DescribeImages for both tags in one call (digests and
/// build tags), then BatchGetImage by digest for the manifests that PutImage passes through verbatim.
package struct PromotionPlanner: Sendable {
    package let ecr: ECRClient
    /// Environment names, so env tags can be told apart from build tags.
    package let environmentNames: [String]

    /// What to promote and where; `source` is a tag or a digest.
    package struct Input: Sendable {
        package var action: String
        package var service: String
        package var from: String
        package var to: String
        package var repository: String
        package var source: ECRImageIdentifier
        package var targetTag: String
        package var target: EnvironmentSnapshot
    }

    /// `known`: the repository's image details when the caller has them already (a rollback lists them all).
    package func plan(_ input: Input, known: [ECRImageDetail]? = nil) async throws -> PromotionPlan {
        let details: [ECRImageDetail]
        if let known { details = known } else { details = try await describe(input) }
        guard let source = details.first(where: { Self.names($0, input.source) }), let sourceDigest = source.imageDigest else {
            throw notFound(input)
        }
        let target = details.first { ($0.imageTags ?? []).contains(input.targetTag) }
        // Manifests by digest: moto labels BatchGetImage entries with the wrong tag, digests are reliable.
        let digests = Array(Set([sourceDigest] + [target?.imageDigest].compactMap { $0 })).sorted()
        let images = try await ecr.batchGetImage(repositoryName: input.repository, imageIds: digests.map { ECRImageIdentifier(imageDigest: $0) }).images
        func image(_ digest: String?) -> ECRImage? { images.first { Self.digest(of: $0) == digest } }
        guard let sourceImage = image(sourceDigest), let manifest = sourceImage.imageManifest else { throw notFound(input) }
        let targetImage = image(target?.imageDigest)
        return PromotionPlan(
            action: input.action, service: input.service, from: input.from, to: input.to, repository: input.repository,
            sourceTag: input.source.imageTag, targetTag: input.targetTag, sourceDigest: sourceDigest, sourceManifest: manifest,
            sourceMediaType: sourceImage.imageManifestMediaType, targetDigest: target?.imageDigest, targetManifest: targetImage?.imageManifest,
            targetMediaType: targetImage?.imageManifestMediaType,
            buildTags: Self.buildTags(source.imageTags ?? [], environments: environmentNames), sourcePushedAt: source.imagePushedAt,
            cluster: input.target.cluster, redeploy: Self.redeploy(in: input.target, repository: input.repository, tag: input.targetTag)
        )
    }

    /// DescribeImages for both ids (digests and every tag); the target tag may not exist yet (a first promotion).
    private func describe(_ input: Input) async throws -> [ECRImageDetail] {
        do {
            return try await ecr.describeImages(repositoryName: input.repository, imageIds: [input.source, ECRImageIdentifier(imageTag: input.targetTag)])
        } catch let error as AWSError where error.code == "ImageNotFoundException" {
            do {
                return try await ecr.describeImages(repositoryName: input.repository, imageIds: [input.source])
            } catch let error as AWSError where error.code == "ImageNotFoundException" {
                throw notFound(input)
            }
        }
    }

    private func notFound(_ input: Input) -> ActionError {
        let what = input.source.imageTag.map { "tag \($0)" } ?? "digest \(input.source.imageDigest ?? "?")"
        return ActionError(message: "\(input.repository) has no image with \(what)", exitCode: ActionOutcome.usage)
    }

    /// Services in the target environment that run `repository:tag`, so moving the tag changes them.
    package static func redeploy(in target: EnvironmentSnapshot, repository: String, tag: String) -> [String] {
        target.services.filter { $0.image?.repository == repository && $0.image?.tag == tag }.map(\.name).sorted()
    }

    /// Tags that are neither environment tags nor their `-previous` companions: the build's own names.
    package static func buildTags(_ tags: [String], environments: [String]) -> [String] {
        let envTags = Set(environments + environments.map { "\($0)-previous" })
        return Array(Set(tags).subtracting(envTags)).sorted()
    }

    /// Whether DescribeImages' detail is the image `id` names.
    private static func names(_ detail: ECRImageDetail, _ id: ECRImageIdentifier) -> Bool {
        if let tag = id.imageTag { return (detail.imageTags ?? []).contains(tag) }
        return detail.imageDigest == id.imageDigest
    }

    /// The digest ECR reports, else the SHA-256 of the manifest bytes, which is how ECR computes it.
    package static func digest(of image: ECRImage) -> String {
        if let digest = image.imageId?.imageDigest { return digest }
        return ECRManifestDigest.of(image.imageManifest ?? "")
    }
}
