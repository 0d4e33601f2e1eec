import Foundation

/// Recognises elements of a reply's array whose bytes were seen in an earlier reply, without scanning them:
/// candidates are found by a hash of an element's first bytes (which hold an ARN or id in AWS's replies) and
/// confirmed by comparing all their bytes. A JSON value's extent follows from its bytes, so a match is the
/// whole element. Not generic, so the per-element work is compiled once; `DecodedElementCache` keeps the
/// decoded values by the ids handed out here.
@usableFromInline
final class ElementRecognizer {
    /// The bytes of one remembered element and the id its decoded value is kept under.
    private struct Candidate {
        let bytes: [UInt8]
        let id: Int
    }

    /// What one split found: the array's layout and, by element start offset, the ids of known elements.
    @usableFromInline
    struct Recognition {
        @usableFromInline let split: JSONArraySplit
        @usableFromInline let known: [Int: Int]
    }

    /// How many leading bytes pick the candidates; shorter elements are cheap to decode and not remembered.
    static let prefixLength = 192
    /// Candidates compared before giving up and decoding (many elements sharing a long prefix is unusual).
    private static let candidateLimit = 8

    private var current: [Int: [Candidate]] = [:]
    private var previous: [Int: [Candidate]] = [:]
    private var nextID = 0
    @usableFromInline private(set) var hits = 0
    @usableFromInline private(set) var misses = 0

    /// Elements remembered, over both generations.
    @usableFromInline var count: Int { current.values.reduce(0) { $0 + $1.count } + previous.values.reduce(0) { $0 + $1.count } }

    /// Begins a generation; candidates that neither it nor the last one matched or added are forgotten.
    @usableFromInline func startGeneration() {
        previous = current
        current = [:]
    }

    /// Splits the array member `key` out of `data`, jumping over every element it recognises.
    @usableFromInline func recognize(_ data: Data, key: String) -> Recognition? {
        var known: [Int: Int] = [:]
        let split = JSONArraySplit(data, key: key) { buffer, start in
            guard let (length, id) = self.match(in: buffer, at: start) else { return nil }
            known[start] = id
            return length
        }
        return split.map { Recognition(split: $0, known: known) }
    }

    /// Remembers the bytes of an element that had to be decoded, if long enough; returns the id to keep its value under.
    @usableFromInline func remember(_ range: Range<Int>, of data: Data) -> Int? {
        misses += 1
        guard range.count >= Self.prefixLength else { return nil }
        let start = data.startIndex
        let bytes = [UInt8](data[(start + range.lowerBound)..<(start + range.upperBound)])
        let key = bytes.withUnsafeBytes { Self.prefixHash($0.baseAddress!) }
        nextID += 1
        current[key, default: []].append(Candidate(bytes: bytes, id: nextID))
        return nextID
    }

    private func match(in buffer: UnsafeRawBufferPointer, at start: Int) -> (length: Int, id: Int)? {
        guard start + Self.prefixLength <= buffer.count, let base = buffer.baseAddress else { return nil }
        let element = base + start
        let key = Self.prefixHash(element)
        let remaining = buffer.count - start
        if let candidate = Self.first(in: current[key], matching: element, remaining: remaining) {
            hits += 1
            return (candidate.bytes.count, candidate.id)
        }
        if let candidate = Self.first(in: previous[key], matching: element, remaining: remaining) {
            current[key, default: []].append(candidate)
            hits += 1
            return (candidate.bytes.count, candidate.id)
        }
        return nil
    }

    private static func first(in candidates: [Candidate]?, matching element: UnsafeRawPointer, remaining: Int) -> Candidate? {
        guard let candidates else { return nil }
        for candidate in candidates.prefix(candidateLimit) where candidate.bytes.count <= remaining {
            let same = candidate.bytes.withUnsafeBytes { memcmp($0.baseAddress!, element, $0.count) == 0 }
            if same { return candidate }
        }
        return nil
    }

    private static func prefixHash(_ start: UnsafeRawPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(start: start, count: prefixLength))
        return hasher.finalize()
    }
}
