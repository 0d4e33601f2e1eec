import Foundation

/// One build an environment can be rolled back to, with why it is offered: the `-previous` tag names it, this
/// machine's audit log saw the environment run it, or it is an older build still in ECR.
package struct RollbackChoice: Sendable, Equatable, Codable {
    package var digest: String
    /// Tags other than environment tags (`build-103`, a git sha).
    package var buildTags: [String]
    package var pushedAt: Date?
    /// Why it is offered, in words.
    package var notes: [String]
    /// Known to have run in this environment (the `-previous` tag, the audit log).
    package var ranHere: Bool

    /// What people call the build: its first build tag, else its short digest.
    package var label: String { buildTags.first ?? DigestText.short(digest) }

    /// `build-103 (sha256:…), pushed 2 days ago`.
    package func described(now: Date) -> String {
        "\(label)\(buildTags.isEmpty ? "" : " (\(DigestText.short(digest)))")" + (pushedAt.map { ", pushed \(Age.format(now.timeIntervalSince($0))) ago" } ?? "")
    }

    package init(digest: String, buildTags: [String], pushedAt: Date? = nil, notes: [String], ranHere: Bool) {
        self.digest = digest
        self.buildTags = buildTags
        self.pushedAt = pushedAt
        self.notes = notes
        self.ranHere = ranHere
    }
}
