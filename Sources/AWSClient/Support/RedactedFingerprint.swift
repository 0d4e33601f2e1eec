import Crypto
import Foundation

/// Tells whether two hidden values are equal without showing either: an HMAC-SHA256 under a key drawn at random
/// once per process, cut to 8 hex digits.
///
/// The key is why this is not a plain hash: a bare SHA-256 of a short password can be guessed offline, while a
/// fingerprint under a key nobody outside this process knows says nothing beyond "same" or "different" within one
/// run (the two sides of a diff are summarised in the same process).
package enum RedactedFingerprint {
    private static let key = SymmetricKey(size: .bits256)

    package static func of(_ value: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: key)
        return mac.prefix(4).map { String(format: "%02x", $0) }.joined()
    }
}
