import AWSClient
import Foundation

/// One image in a simulated ECR repository: its manifest exactly as pushed, the digest of those bytes, its tags.
package struct SimulatedImage: Sendable {
    package var digest: String
    package var manifest: String
    package var mediaType: String
    package var tags: [String]
    /// Whole epoch seconds, as ECR reports `imagePushedAt`.
    package var pushedAt: Int
    package var sizeInBytes: Int64
    package var lastPulledAt: Double?

    package init(manifest: String, mediaType: String, tags: [String], pushedAt: Int) {
        self.manifest = manifest
        self.mediaType = mediaType
        self.tags = tags
        self.pushedAt = pushedAt
        digest = Self.digest(of: manifest)
        sizeInBytes = Self.layerBytes(in: manifest)
    }

    /// A build that fails its health checks once deployed: its manifest carries a `"bad"` label.
    package var isBad: Bool { Self.isBad(manifest) }

    package static func isBad(_ manifest: String) -> Bool {
        manifest.contains("\"bad\"")
    }

    /// ECR's digest of the manifest.
    package static func digest(of manifest: String) -> String {
        ECRManifestDigest.of(manifest)
    }

    /// ECR reports the compressed size of the layers; summing the manifest's `"size"` fields is close enough.
    package static func layerBytes(in manifest: String) -> Int64 {
        var total: Int64 = 0
        var rest = Substring(manifest)
        while let range = rest.range(of: "\"size\":") {
            rest = rest[range.upperBound...]
            let digits = rest.drop { $0 == " " }.prefix { $0.isNumber }
            total += Int64(digits) ?? 0
        }
        return total
    }
}
