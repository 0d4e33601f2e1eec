import Crypto
import Foundation

/// Remembers derived signing keys per (access key, day, region, service): the four HMACs are the costly part.
public final class SigningKeyCache: @unchecked Sendable {
    /// The process-wide cache every signer uses unless given its own.
    public static let shared = SigningKeyCache()

    private struct Entry {
        let secret: String
        let key: SymmetricKey
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private let capacity: Int

    public init(capacity: Int = 256) {
        self.capacity = capacity
    }

    /// The signing key for this scope; the secret is compared too, so a wrong secret is never masked by a hit.
    func key(secret: String, accessKeyId: String, day: String, region: String, service: String) -> SymmetricKey {
        let cacheKey = accessKeyId + "/" + day + "/" + region + "/" + service
        if let entry = lock.withLock({ entries[cacheKey] }), entry.secret == secret {
            return entry.key
        }
        let key = SigningKeyCache.derive(secret: secret, day: day, region: region, service: service)
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[cacheKey] = Entry(secret: secret, key: key)
        }
        return key
    }

    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, day), region), service), "aws4_request").
    static func derive(secret: String, day: String, region: String, service: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array(("AWS4" + secret).utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key))
        }
        return key
    }
}
