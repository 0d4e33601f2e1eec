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
