import AWSClient
import DashboardModel
import Foundation

/// Reads which digest each environment tag points at in the registry's ECR: one BatchGetImage per
/// repository for all the env tags and their `-previous` tags (a missing tag is a failure entry, not an error).
/// Some implementations (moto) answer two tags on one image with a single entry; tags left unanswered that
/// way are looked up with one DescribeImages, which lists every tag of an image.
package struct RegistryFetcher: Sendable {
    package let context: AWSClientContext
    package let environmentNames: [String]
    package let counter: CountingTransport
    /// Decoded images from earlier polls, reused while their bytes (manifest included) are unchanged.
    package let imageCache = DecodedElementCache<ECRImage>()
    /// The rest of each reply (the failures for missing tags, DescribeImages), reused while its bytes are unchanged.
    package let replyCache = DecodedReplyCache()

    package static let manifestTypes = [
        "application/vnd.docker.distribution.manifest.v2+json", "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json", "application/vnd.oci.image.index.v1+json",
    ]

    package init(context: AWSClientContext, environmentNames: [String]) {
        (self.context, counter) = CountingTransport.counting(context, replyCache: replyCache)
        self.environmentNames = environmentNames
    }

    /// `fetch(repositories:now:)` within `deadline`: past it, every repository counts as failed this time.
    package func fetch(repositories: [String], now: Date, deadline: PollDeadline) async -> RegistrySnapshot {
        do {
            return try await deadline.run("registry poll", clock: context.clock, waitingOn: { [counter] in counter.inFlight }) {
                await fetch(repositories: repositories, now: now)
            }
        } catch {
            return RegistrySnapshot(fetchedAt: now, repositories: [:], errors: [SnapshotMapper.fetchError(error, operation: "registry poll", at: now)],
                                    apiCalls: 0, failedRepositories: Set(repositories))
        }
    }

    package func fetch(repositories: [String], now: Date) async -> RegistrySnapshot {
        let before = counter.calls
        imageCache.startGeneration()
        replyCache.startGeneration()
        let tags = environmentNames + environmentNames.map { "\($0)-previous" }
        let ecr = ECRClient(context: context)
        var snapshot = RegistrySnapshot(fetchedAt: now, repositories: [:], errors: [], apiCalls: 0)
        await withTaskGroup(of: (String, Result<ECRBatchGetImageResult, Error>).self) { group in
            for repository in repositories.sorted() {
                group.addTask {
                    do {
                        var result = try await ecr.batchGetImage(repositoryName: repository, imageIds: tags.map { ECRImageIdentifier(imageTag: $0) },
                                                                 acceptedMediaTypes: Self.manifestTypes, reusing: imageCache)
                        let answered = Set(result.images.compactMap(\.imageId?.imageTag) + result.failures.compactMap(\.imageId?.imageTag))
                        let unanswered = tags.filter { !answered.contains($0) }
                        if !unanswered.isEmpty {
                            let details = try await ecr.describeImages(repositoryName: repository, imageIds: unanswered.map { ECRImageIdentifier(imageTag: $0) })
                            for detail in details {
                                for tag in detail.imageTags ?? [] where unanswered.contains(tag) {
                                    result.images.append(ECRImage(imageId: ECRImageIdentifier(imageDigest: detail.imageDigest, imageTag: tag)))
                                }
                            }
                        }
                        return (repository, .success(result))
                    } catch {
                        return (repository, .failure(error))
                    }
                }
            }
            for await (repository, result) in group {
                switch result {
                case .success(let images): snapshot.repositories[repository] = SnapshotMapper.repository(images: images.images)
                case .failure(let error):
                    snapshot.failedRepositories.insert(repository)
                    snapshot.errors.append(SnapshotMapper.fetchError(error, operation: "ECR BatchGetImage \(repository)", at: now))
                }
            }
        }
        snapshot.apiCalls = counter.calls - before
        return snapshot
    }
}
