import Crypto
import Foundation

/// Remembers derived signing keys per (access key, day, region, service): the four HMACs are the costly part.
public final class SigningKeyCache: @unchecked Sendable {
    /// The process-wide cache every signer uses unless given its own.
    public static let shared = SigningKeyCache()

    private struct Scope: Hashable {
        let accessKeyId: String
        let day: String
        let region: String
        let service: String
    }

    private struct Entry {
        let scope: Scope
        /// Compared on every hit, so a wrong secret under a known access key is never masked.
        let secret: String
        let key: SigningKey
    }

    private let lock = NSLock()
    private var entries: [Scope: Entry] = [:]
    /// Most signatures in a row share one scope; checking it first skips hashing four strings.
    private var last: Entry?
    private let capacity: Int

    public init(capacity: Int = 256) {
        self.capacity = capacity
    }

    func key(secret: String, accessKeyId: String, day: String, region: String, service: String) -> SigningKey {
        let found: Entry? = lock.withLock {
            if let last, last.scope.accessKeyId == accessKeyId, last.scope.day == day, last.scope.region == region,
               last.scope.service == service, last.secret == secret {
                return last
            }
            return nil
        }
        if let found { return found.key }
        let scope = Scope(accessKeyId: accessKeyId, day: day, region: region, service: service)
        if let entry = lock.withLock({ entries[scope] }), entry.secret == secret {
            lock.withLock { last = entry }
            return entry.key
        }
        let entry = Entry(scope: scope, secret: secret, key: SigningKeyCache.derive(secret: secret, day: day, region: region, service: service))
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[scope] = entry
            last = entry
        }
        return entry.key
    }

    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, day), region), service), "aws4_request").
    static func derive(secret: String, day: String, region: String, service: String) -> SigningKey {
        var key = Array(("AWS4" + secret).utf8)
        for part in [day, region, service, "aws4_request"] {
            key = Array(SigningKey(key).authenticate(Array(part.utf8)))
        }
        return SigningKey(key)
    }
}
