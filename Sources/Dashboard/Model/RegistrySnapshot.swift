import Foundation

/// What the registry's ECR says now: for each repository, which digest each tag points at.
struct RegistrySnapshot: Equatable, Sendable, Codable {
    /// A repository's tags and, per digest, every tag on it (so build tags can be shown next to env tags).
    struct Repository: Equatable, Sendable, Codable {
        var digestsByTag: [String: String]
        var tagsByDigest: [String: [String]]
        var pushedAtByDigest: [String: Date]
    }

    var fetchedAt: Date
    var repositories: [String: Repository]
    var errors: [FetchError]
    var apiCalls: Int
    /// Repositories this read could not see; their digests, if shown, are an earlier read's.
    var failedRepositories: Set<String> = []
    /// Repositories whose digests are kept from an earlier read, with when that read was good.
    var staleSince: [String: Date] = [:]

    init(fetchedAt: Date, repositories: [String: Repository], errors: [FetchError], apiCalls: Int, failedRepositories: Set<String> = []) {
        self.fetchedAt = fetchedAt
        self.repositories = repositories
        self.errors = errors
        self.apiCalls = apiCalls
        self.failedRepositories = failedRepositories
    }

    /// This read, with what `previous` knew of the repositories this one could not read, marked stale.
    func keepingWhatFailed(from previous: RegistrySnapshot?) -> RegistrySnapshot {
        guard let previous else { return self }
        var merged = self
        for repository in failedRepositories where repositories[repository] == nil {
            guard let known = previous.repositories[repository] else { continue }
            merged.repositories[repository] = known
            merged.staleSince[repository] = previous.staleSince[repository] ?? previous.fetchedAt
        }
        return merged
    }

    func isStale(repository: String) -> Bool { staleSince[repository] != nil }

    func digest(repository: String, tag: String) -> String? {
        repositories[repository]?.digestsByTag[tag]
    }

    /// Tags other than environment tags on a digest, like `build-42`.
    func buildTags(repository: String, digest: String, environmentTags: Set<String>) -> [String] {
        (repositories[repository]?.tagsByDigest[digest] ?? []).filter { tag in
            !environmentTags.contains(tag) && !environmentTags.contains { tag == "\($0)-previous" }
        }.sorted()
    }
}
