/// A small seeded generator (SplitMix64), and stable hashes, so a seed always builds the same world.
package struct SimulatedRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A uniform draw in [0, 1).
    package mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    /// The SplitMix64 finaliser: spreads every input bit over the output.
    package static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A stable hash of some parts (FNV-1a, then mixed); Swift's `Hasher` is seeded per process, so it won't do.
    package static func hash(_ seed: UInt64, _ parts: String...) -> UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        for part in parts {
            for byte in part.utf8 {
                value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            value = (value ^ 0xFF) &* 0x0000_0100_0000_01B3
        }
        return mix(value)
    }

    /// A uniform number in [0, 1) from a hash.
    package static func unit(_ hash: UInt64) -> Double {
        Double(hash >> 11) / Double(1 << 53)
    }

    /// `count` lowercase hex digits derived from a hash (ECS task ids are 32).
    package static func hex(_ hash: UInt64, count: Int) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        var word = hash
        var round: UInt64 = 0
        while bytes.count < count {
            for _ in 0..<16 where bytes.count < count {
                bytes.append(digits[Int(word & 0xF)])
                word >>= 4
            }
            round += 1
            word = mix(hash &+ round)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A UUID-shaped string derived from a hash (event ids, execution ids).
    package static func uuid(_ hash: UInt64) -> String {
        let hex = hex(hash, count: 32)
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }

    /// `count` digits derived from a hash (deployment ids are `ecs-svc/` and 19 digits).
    package static func digits(_ hash: UInt64, count: Int) -> String {
        var text = ""
        var word = hash
        var round: UInt64 = 0
        while text.count < count {
            text += String(word % 10)
            word /= 10
            if word == 0 {
                round += 1
                word = mix(hash &+ round)
            }
        }
        return text
    }
}
