/// Short digests for people: `sha256:` plus the first 12 hex digits, as `docker images` shows them.
package enum DigestText {
    package static func short(_ digest: String?) -> String {
        guard let digest else { return "(none)" }
        guard digest.hasPrefix("sha256:") else { return digest }
        return "sha256:" + digest.dropFirst(7).prefix(12)
    }

    /// `sha256:3f2a9c1e…` → `3f2a9c1`: the seven hex digits a matrix cell has room for, as git shows commits.
    package static func cell(_ digest: String) -> String {
        let hex = digest.firstIndex(of: ":").map { digest[digest.index(after: $0)...] } ?? digest[...]
        return String(hex.prefix(7))
    }
}
