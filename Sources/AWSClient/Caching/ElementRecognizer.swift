import Foundation

/// Recognises elements of a reply's array whose bytes were seen in an earlier reply, without scanning them:
/// candidates are found by a hash of an element's first bytes (which hold an ARN or id in AWS's replies) and
/// confirmed by the `ByteFingerprint` of as many bytes as the candidate had. A JSON value's extent follows from its
/// bytes, so a match is the whole element. Only the fingerprint is kept, not the bytes: keeping a fleet's task
/// JSON cost more memory than its decoded snapshots. Each candidate holds its element's decoded value, so a match
/// is one look-up. Not generic, so the per-element work is compiled once; `DecodedElementCache` gives it typed values.
@usableFromInline
final class ElementRecognizer {
    /// One remembered element: its length, fingerprint and decoded value, and the last generation that saw it.
    private struct Candidate {
        let length: Int
        let fingerprint: ByteFingerprint
        let value: any Sendable
        var seen: Int
    }

    /// What one split found: the array's layout and, in element order, the value of each element it knew.
    @usableFromInline
    struct Recognition {
        @usableFromInline let split: JSONArraySplit
        /// Aligned with `split.elements`; nil where the element has to be decoded.
        @usableFromInline let values: [(any Sendable)?]
        /// The candidates it matched.
        @usableFromInline let references: [Reference]
    }

    /// Where a remembered element's candidate lies, so that a whole reply seen again keeps its elements alive.
    @usableFromInline
    struct Reference: Sendable {
        let bucket: Int
        let length: Int
        let fingerprint: ByteFingerprint
    }

    /// How many leading bytes pick the candidates; shorter elements are cheap to decode and not remembered.
    static let prefixLength = 192
    /// Candidates compared before giving up and decoding (many elements sharing a long prefix is unusual).
    private static let candidateLimit = 8

    /// Candidates by the hash of their first bytes. A match stamps its generation in place; forgetting what two
    /// generations did not see happens once per generation, so a poll's hits neither allocate nor copy.
    private var buckets: [Int: [Candidate]] = [:]
    private var generation = 0
    @usableFromInline private(set) var hits = 0
    @usableFromInline private(set) var misses = 0

    /// Elements remembered, over both generations.
    @usableFromInline var count: Int { buckets.values.reduce(0) { $0 + $1.count } }

    /// Begins a generation; candidates that neither it nor the last one matched or added are forgotten.
    @usableFromInline func startGeneration() {
        generation += 1
        let oldest = generation - 1
        // Found first and changed after: changing the table while iterating it would copy it, and in a steady
        // fleet there is nothing to change.
        let stale = buckets.compactMap { key, candidates in candidates.contains { $0.seen < oldest } ? key : nil }
        for key in stale {
            buckets[key]?.removeAll { $0.seen < oldest }
            if buckets[key]?.isEmpty == true { buckets.removeValue(forKey: key) }
        }
    }

    /// Splits the array member `key` out of `data`, jumping over every element it recognises.
    @usableFromInline func recognize(_ data: Data, key: String) -> Recognition? {
        var found: [(start: Int, value: any Sendable)] = []
        var references: [Reference] = []
        let split = JSONArraySplit(data, key: key) { buffer, start in
            guard let (reference, value) = self.match(in: buffer, at: start) else { return nil }
            found.append((start, value))
            references.append(reference)
            return reference.length
        }
        guard let split else { return nil }
        // Both lists are in document order, so one walk pairs each known value with its element.
        var values = [(any Sendable)?](repeating: nil, count: split.elements.count)
        var next = 0
        for (index, element) in split.elements.enumerated() where next < found.count && found[next].start == element.lowerBound {
            values[index] = found[next].value
            next += 1
        }
        return Recognition(split: split, values: values, references: references)
    }

    /// Remembers an element that had to be decoded, with its value, if it is long enough to be recognised.
    @usableFromInline func remember(_ range: Range<Int>, of data: Data, value: any Sendable) -> Reference? {
        misses += 1
        guard range.count >= Self.prefixLength else { return nil }
        return data.withUnsafeBytes { buffer in
            let element = UnsafeRawBufferPointer(rebasing: buffer[range])
            let reference = Reference(bucket: Self.prefixHash(element.baseAddress!), length: range.count, fingerprint: ByteFingerprint(element))
            buckets[reference.bucket, default: []].append(
                Candidate(length: reference.length, fingerprint: reference.fingerprint, value: value, seen: generation))
            return reference
        }
    }

    /// Marks the elements of a reply that was seen again whole as seen in this generation, as if matched.
    @usableFromInline func touch(_ references: [Reference]) {
        for reference in references {
            guard let bucket = buckets.index(forKey: reference.bucket),
                  let position = buckets.values[bucket].firstIndex(where: {
                      $0.length == reference.length && $0.fingerprint == reference.fingerprint
                  }) else { continue }
            buckets.values[bucket][position].seen = generation
            hits += 1
        }
    }

    private func match(in buffer: UnsafeRawBufferPointer, at start: Int) -> (reference: Reference, value: any Sendable)? {
        guard start + Self.prefixLength <= buffer.count, let base = buffer.baseAddress,
              let bucket = buckets.index(forKey: Self.prefixHash(base + start)) else { return nil }
        // Candidates of one element usually share a length, so the last fingerprint is reused.
        var hashed: (length: Int, fingerprint: ByteFingerprint)?
        for position in buckets.values[bucket].indices.prefix(Self.candidateLimit) {
            let candidate = buckets.values[bucket][position]
            guard start + candidate.length <= buffer.count else { continue }
            if hashed?.length != candidate.length {
                hashed = (candidate.length, ByteFingerprint(UnsafeRawBufferPointer(start: base + start, count: candidate.length)))
            }
            guard hashed?.fingerprint == candidate.fingerprint else { continue }
            buckets.values[bucket][position].seen = generation
            hits += 1
            return (Reference(bucket: buckets.keys[bucket], length: candidate.length, fingerprint: candidate.fingerprint), candidate.value)
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
