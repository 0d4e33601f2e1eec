import Crypto
import Foundation

/// An image's digest as ECR computes it: `sha256:` and the lower-case hex SHA-256 of the manifest's exact bytes.
public enum ECRManifestDigest {
    public static func of(_ manifest: String) -> String {
        "sha256:" + Hex.lowerString(SHA256.hash(data: Data(manifest.utf8)))
    }
}
