/// Derives new inputs from old ones, deterministically from a seed, the way libFuzzer's mutations do: flipped and
/// random bytes, inserted, deleted, repeated and spliced runs, dictionary tokens. The tests use it for a bounded,
/// reproducible fuzz run that needs no instrumented build; `scripts/fuzz` uses libFuzzer itself.
package struct FuzzMutator {
    private var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    /// SplitMix64: small, fast and good enough to pick mutations.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (0 when `bound` is 0).
    package mutating func below(_ bound: Int) -> Int {
        bound <= 0 ? 0 : Int(next() % UInt64(bound))
    }

    /// `input` changed by one to four mutations, at most `maxLength` bytes long.
    package mutating func mutate(_ input: [UInt8], corpus: [[UInt8]], dictionary: [[UInt8]], maxLength: Int) -> [UInt8] {
        var bytes = input
        for _ in 0...below(4) {
            mutateOnce(&bytes, corpus: corpus, dictionary: dictionary)
        }
        if bytes.count > maxLength { bytes.removeLast(bytes.count - maxLength) }
        return bytes
    }

    private mutating func mutateOnce(_ bytes: inout [UInt8], corpus: [[UInt8]], dictionary: [[UInt8]]) {
        let position = below(bytes.count + 1)
        switch below(11) {
        case 0 where !bytes.isEmpty:
            bytes[below(bytes.count)] ^= UInt8(1) << UInt8(below(8))
        case 1 where !bytes.isEmpty:
            bytes[below(bytes.count)] = UInt8(truncatingIfNeeded: next())
        case 2:
            bytes.insert(contentsOf: (0...below(4)).map { _ in UInt8(truncatingIfNeeded: next()) }, at: position)
        case 3 where !bytes.isEmpty:
            let start = below(bytes.count)
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + below(below(2) == 0 ? 8 : 256)))
        case 4 where !bytes.isEmpty:
            let start = below(bytes.count)
            let run = Array(bytes[start..<min(bytes.count, start + 1 + below(64))])
            bytes.insert(contentsOf: run, at: below(bytes.count + 1))
        case 5...6 where !dictionary.isEmpty:
            bytes.insert(contentsOf: dictionary[below(dictionary.count)], at: position)
        case 7 where !dictionary.isEmpty && !bytes.isEmpty:
            let token = dictionary[below(dictionary.count)]
            let start = below(bytes.count)
            bytes.replaceSubrange(start..<min(bytes.count, start + token.count), with: token)
        case 8 where !corpus.isEmpty:
            // Splice: this input's head with another's tail.
            let other = corpus[below(corpus.count)]
            bytes = Array(bytes[..<position]) + other[below(other.count + 1)...]
        case 9 where !dictionary.isEmpty:
            // A token many times over: deep nesting, long runs.
            let token = dictionary[below(dictionary.count)]
            bytes.insert(contentsOf: Array(repeating: token, count: 1 + below(200)).joined(), at: position)
        case 10 where !bytes.isEmpty:
            bytes.removeSubrange(position...)
        default:
            bytes.insert(UInt8(truncatingIfNeeded: next()), at: position)
        }
    }
}
