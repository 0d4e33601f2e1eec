/// A 128-bit keyed fingerprint of a run of bytes, for telling whether a reply's element is byte for byte one
/// seen before, at several times the speed of SHA-256 with the CPU's SHA extensions.
///
/// It is not a cryptographic hash and is not used where one is needed: it only decides whether a poller may
/// reuse what it decoded from the same bytes earlier (a reply element or a whole reply). Two lanes run
/// over every 16-byte block, each folding a 64×64→128-bit product to 64 bits (the mixing step of wyhash), with
/// different pairings and keys, so distinct inputs of one length collide in both lanes with a chance of about
/// 2⁻¹²⁸ per comparison. The keys are drawn at random once per process, so nobody outside it can aim a crafted
/// reply at a collision.
struct ByteFingerprint: Hashable {
    let low: UInt64
    let high: UInt64

    private static let keys: [UInt64] = {
        // A lane forgets what came before only where a factor of its product is zero: an input word equal to its
        // key, or to the lane's state so far. Both depend on secret keys, so for replies not crafted against them
        // that is a 2⁻⁶⁴ chance per block, and both lanes would have to forget for two inputs to collide that way.
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in generator.next() }
    }()

    init(_ bytes: UnsafeRawBufferPointer) {
        let keys = Self.keys
        let (key0, key1, key2, key3) = (keys[0], keys[1], keys[2], keys[3])
        let count = bytes.count
        var first = key0 ^ UInt64(truncatingIfNeeded: count)
        var second = key1 &+ UInt64(truncatingIfNeeded: count)
        // Only an empty buffer has no address, and it has no blocks either.
        if let base = bytes.baseAddress {
            (first, second) = Self.blocks(base, count: count, first: first, second: second, keys: (key2, key3))
        }
        // A last round so the final block's words reach every bit of both halves.
        (low, high) = (Self.fold(first ^ key1, second ^ key2), Self.fold(second ^ key0, first ^ key3))
    }

    /// Both lanes over every 16-byte block, the last one zero-padded; the length in the starting state tells
    /// the padding from zeros.
    private static func blocks(_ base: UnsafeRawPointer, count: Int, first: UInt64, second: UInt64,
                               keys: (UInt64, UInt64)) -> (UInt64, UInt64) {
        var (first, second) = (first, second)
        let (key2, key3) = keys
        var offset = 0
        while offset + 16 <= count {
            let word0 = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let word1 = base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)
            first = fold(word0 ^ key2, word1 ^ first)
            second = fold(word1 ^ key3, word0 ^ second)
            offset += 16
        }
        if offset < count {
            var word0: UInt64 = 0, word1: UInt64 = 0
            for index in 0..<(count - offset) {
                let byte = UInt64(base.load(fromByteOffset: offset + index, as: UInt8.self))
                if index < 8 { word0 |= byte << (8 * index) } else { word1 |= byte << (8 * (index - 8)) }
            }
            first = fold(word0 ^ key2, word1 ^ first)
            second = fold(word1 ^ key3, word0 ^ second)
        }
        return (first, second)
    }

    /// Both halves of the full product, XORed.
    @inline(__always)
    private static func fold(_ left: UInt64, _ right: UInt64) -> UInt64 {
        let product = left.multipliedFullWidth(by: right)
        return product.high ^ product.low
    }
}
