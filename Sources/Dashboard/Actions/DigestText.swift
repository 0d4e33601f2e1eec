/// Short digests for people: `sha256:` plus the first 12 hex digits, as `docker images` shows them.
enum DigestText {
    static func short(_ digest: String?) -> String {
        guard let digest else { return "(none)" }
        guard digest.hasPrefix("sha256:") else { return digest }
        return "sha256:" + digest.dropFirst(7).prefix(12)
    }
}
