import Foundation

/// Recognises elements of a reply's array whose bytes were seen in an earlier reply, without scanning them:
/// candidates are found by a hash of an element's first bytes (which hold an ARN or id in AWS's replies) and
/// confirmed by the `ByteFingerprint` of as many bytes as the candidate had. A JSON value's extent follows from its
/// bytes, so a match is the whole element. Only the fingerprint is kept, not the bytes: keeping a fleet's task
/// JSON cost more memory than its decoded snapshots. Not generic, so the per-element work is compiled once;
/// `DecodedElementCache` keeps the decoded values by the ids handed out here.
@usableFromInline
final class ElementRecognizer {
    /// The length and fingerprint of one remembered element and the id its decoded value is kept under.
    private struct Candidate {
        let length: Int
        let fingerprint: ByteFingerprint
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
        current = Dictionary(minimumCapacity: previous.count)
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

    /// Remembers an element that had to be decoded, if long enough; returns the id to keep its value under.
    @usableFromInline func remember(_ range: Range<Int>, of data: Data) -> Int? {
        misses += 1
        guard range.count >= Self.prefixLength else { return nil }
        return data.withUnsafeBytes { buffer in
            let element = UnsafeRawBufferPointer(rebasing: buffer[range])
            let key = Self.prefixHash(element.baseAddress!)
            nextID += 1
            current[key, default: []].append(Candidate(length: range.count, fingerprint: ByteFingerprint(element), id: nextID))
            return nextID
        }
    }

    private func match(in buffer: UnsafeRawBufferPointer, at start: Int) -> (length: Int, id: Int)? {
        guard start + Self.prefixLength <= buffer.count, let base = buffer.baseAddress else { return nil }
        let key = Self.prefixHash(base + start)
        // Candidates of one element usually share a length, so the last fingerprint is reused.
        var hashed: (length: Int, fingerprint: ByteFingerprint)?
        func matches(_ candidate: Candidate) -> Bool {
            guard start + candidate.length <= buffer.count else { return false }
            if hashed?.length != candidate.length {
                hashed = (candidate.length, ByteFingerprint(UnsafeRawBufferPointer(start: base + start, count: candidate.length)))
            }
            return hashed?.fingerprint == candidate.fingerprint
        }
        if let candidates = current[key], let found = candidates.prefix(Self.candidateLimit).first(where: matches) {
            hits += 1
            return (found.length, found.id)
        }
        if let candidates = previous[key], let found = candidates.prefix(Self.candidateLimit).first(where: matches) {
            current[key, default: []].append(found)
            hits += 1
            return (found.length, found.id)
        }
        return nil
    }

    /// Picks a bucket, nothing more (the fingerprint decides), so a cheap multiply-and-shift mix of the prefix's
    /// 8-byte words does; SipHash over it cost more than the look-up it served.
    private static func prefixHash(_ start: UnsafeRawPointer) -> Int {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        for offset in stride(from: 0, to: prefixLength, by: 8) {
            hash = (hash ^ start.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
        }
        return Int(truncatingIfNeeded: hash)
    }
}
