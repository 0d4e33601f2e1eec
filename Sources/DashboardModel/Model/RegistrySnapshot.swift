import Foundation

/// What the registry's ECR says now: for each repository, which digest each tag points at.
package struct RegistrySnapshot: Equatable, Sendable, Codable {
    /// A repository's tags and, per digest, every tag on it (so build tags can be shown next to env tags).
    package struct Repository: Equatable, Sendable, Codable {
        package var digestsByTag: [String: String]
        package var tagsByDigest: [String: [String]]
        package var pushedAtByDigest: [String: Date]

        package init(
            digestsByTag: [String: String],
            tagsByDigest: [String: [String]],
            pushedAtByDigest: [String: Date]
        ) {
            self.digestsByTag = digestsByTag
            self.tagsByDigest = tagsByDigest
            self.pushedAtByDigest = pushedAtByDigest
        }
    }

    package var fetchedAt: Date
    package var repositories: [String: Repository]
    package var errors: [FetchError]
    package var apiCalls: Int
    /// Repositories this read could not see; their digests, if shown, are an earlier read's.
    package var failedRepositories: Set<String> = []
    /// Repositories whose digests are kept from an earlier read, with when that read was good.
    package var staleSince: [String: Date] = [:]

    package init(fetchedAt: Date, repositories: [String: Repository], errors: [FetchError], apiCalls: Int, failedRepositories: Set<String> = []) {
        self.fetchedAt = fetchedAt
        self.repositories = repositories
        self.errors = errors
        self.apiCalls = apiCalls
        self.failedRepositories = failedRepositories
    }

    /// This read, with what `previous` knew of the repositories this one could not read, marked stale.
    package func keepingWhatFailed(from previous: RegistrySnapshot?) -> RegistrySnapshot {
        guard let previous else { return self }
        var merged = self
        for repository in failedRepositories where repositories[repository] == nil {
            guard let known = previous.repositories[repository] else { continue }
            merged.repositories[repository] = known
            merged.staleSince[repository] = previous.staleSince[repository] ?? previous.fetchedAt
        }
        return merged
    }

    package func isStale(repository: String) -> Bool { staleSince[repository] != nil }

    package func digest(repository: String, tag: String) -> String? {
        repositories[repository]?.digestsByTag[tag]
    }

    /// Tags other than environment tags on a digest, like `build-42`.
    package func buildTags(repository: String, digest: String, environmentTags: Set<String>) -> [String] {
        (repositories[repository]?.tagsByDigest[digest] ?? []).filter { tag in
            !environmentTags.contains(tag) && !environmentTags.contains { tag == "\($0)-previous" }
        }.sorted()
    }
}
