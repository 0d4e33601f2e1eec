import Foundation

/// Decoded replies of a poller's earlier refreshes, by their bytes, so that a reply identical to one of the
/// last refresh's is not decoded again: list pages, pipeline states and target health seldom change between polls.
///
/// A reply is keyed by the type it was decoded as and the `ByteFingerprint` of the bytes that decide it; for a
/// query-protocol reply those are the `<ActionResult>` element's, since AWS writes a fresh request id beside
/// it. Entries live for two generations: a poller starts one per refresh, as with `DecodedElementCache`.
/// Only calls that say their reply is reusable go through it, so one-off reads (logs, actions) do not fill it.
/// Outputs are value types, immutable once stored, so handing the same one to several readers is safe.
public final class DecodedReplyCache: @unchecked Sendable {
    /// Decoding is a function of these alone.
    private struct Key: Hashable {
        let type: ObjectIdentifier
        let unit: AWSServiceDescriptor.TimestampUnit
        let length: Int
        let fingerprint: ByteFingerprint
    }

    private let lock = NSLock()
    private var current: [Key: any Sendable] = [:]
    private var previous: [Key: any Sendable] = [:]
    private var hits = 0
    private var misses = 0

    public init() {}

    /// Replies taken from the cache, and replies decoded, since it was made.
    public var statistics: (hits: Int, misses: Int) { lock.withLock { (hits, misses) } }

    /// Values held now, over both generations.
    public var count: Int { lock.withLock { current.count + previous.keys.filter { current[$0] == nil }.count } }

    /// Begins a refresh: what neither this refresh nor the last one saw is forgotten.
    public func startGeneration() {
        lock.withLock {
            previous = current
            current = Dictionary(minimumCapacity: previous.count)
        }
    }

    /// Decodes a reply whose bulk is the array member `key` (a list page), taking the array from the cache while
    /// its bytes are unchanged: a page token beside it may differ from call to call while the list does not.
    func decode<Output: Decodable & Sendable, Element: Decodable & Sendable>(
        _ type: Output.Type, from data: Data, array key: String, at path: WritableKeyPath<Output, [Element]?>,
        unit: AWSServiceDescriptor.TimestampUnit
    ) throws -> Output {
        guard let split = JSONArraySplit(data, key: key) else { return try decoded(Output.self, from: data, unit: unit) }
        do {
            var output = try decoded(Output.self, from: split.remainder, unit: unit)
            let start = data.startIndex
            output[keyPath: path] = try decoded([Element].self, from: data[(start + split.array.lowerBound)..<(start + split.array.upperBound)], unit: unit)
            return output
        } catch {
            // A part on its own reports its error without the path to it: decoding the whole reply names the field.
            _ = try AWSJSON.decode(Output.self, from: data, unit: unit)
            throw error
        }
    }

    /// `data` decoded as JSON, or the value decoded earlier from the same bytes.
    @usableFromInline
    func decoded<Output: Decodable & Sendable>(_ type: Output.Type, from data: Data, unit: AWSServiceDescriptor.TimestampUnit) throws -> Output {
        try data.withUnsafeBytes { bytes in
            try value(of: bytes, as: type, unit: unit) { try AWSJSON.decode(type, from: data, unit: unit) }
        }
    }

    /// The value decoded earlier from these same bytes as `Output`, or `decode`'s, remembered for next time.
    @usableFromInline
    func value<Output: Sendable>(of bytes: UnsafeRawBufferPointer, as type: Output.Type, unit: AWSServiceDescriptor.TimestampUnit,
                                 decode: () throws -> Output) rethrows -> Output {
        let key = Key(type: ObjectIdentifier(type), unit: unit, length: bytes.count, fingerprint: ByteFingerprint(bytes))
        let known: Output? = lock.withLock {
            if let value = current[key] as? Output {
                hits += 1
                return value
            }
            guard let value = previous[key] as? Output else { return nil }
            current[key] = value
            hits += 1
            return value
        }
        if let known { return known }
        let value = try decode()
        lock.withLock {
            misses += 1
            current[key] = value
        }
        return value
    }
}
