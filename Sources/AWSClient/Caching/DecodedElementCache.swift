import Foundation

/// The decoded elements of earlier replies, so that a poll decodes only the tasks or services whose bytes
/// changed since the last one, and does not even scan the ones that did not.
///
/// Decoding is a pure function of the bytes, so a byte-identical element is exactly what decoding would have
/// produced. Entries live for two generations: a poller starts one per refresh, and whatever neither that
/// refresh nor the one before saw is dropped. The recognizer keeps each value with its candidate.
///
/// The generic parts are inlinable so that they are specialised for each element type where they are used:
/// unspecialised, casting and copying values cost more than recognising the bytes.
public final class DecodedElementCache<Element: Decodable & Sendable>: @unchecked Sendable {
    @usableFromInline let lock = NSLock()
    @usableFromInline let recognizer = ElementRecognizer()
    /// Whole replies seen before, with the elements they hold: most replies of a steady fleet come back byte
    /// for byte, and one fingerprint of the reply then stands for splitting it and matching every element.
    @usableFromInline let replies = DecodedReplyCache()

    /// A reply's decoded value and the remembered elements in it, to be kept alive while the reply recurs.
    @usableFromInline
    struct RememberedReply<Output: Sendable>: Sendable {
        @usableFromInline let output: Output
        @usableFromInline let references: [ElementRecognizer.Reference]

        @usableFromInline
        init(output: Output, references: [ElementRecognizer.Reference]) {
            self.output = output
            self.references = references
        }
    }

    public init() {}

    /// Elements taken from the cache, and elements decoded, since it was made.
    public var statistics: (hits: Int, misses: Int) { lock.withLock { (recognizer.hits, recognizer.misses) } }

    /// Elements held now, over both generations.
    public var count: Int { lock.withLock { recognizer.count } }

    /// Begins a refresh: what neither this refresh nor the last one saw is forgotten.
    public func startGeneration() {
        lock.withLock { recognizer.startGeneration() }
        replies.startGeneration()
    }

    /// Decodes a reply whose bulk is the array member `key`, taking each element of it that was seen before
    /// from the cache; a reply without that array is decoded as usual. The rest of the reply (`failures`, say)
    /// is taken from `remainders` when its bytes were seen before too. `Output` must be a value type: the
    /// array is set on what may be a remembered value.
    @inlinable
    public func decode<Output: Decodable & Sendable>(_ type: Output.Type, from data: Data, array key: String,
                                                     at path: WritableKeyPath<Output, [Element]?>, unit: AWSServiceDescriptor.TimestampUnit,
                                                     remainders: DecodedReplyCache? = nil) throws -> Output {
        var decodedNow = false
        let remembered = try data.withUnsafeBytes { bytes in
            try replies.value(of: bytes, as: RememberedReply<Output>.self, unit: unit) {
                decodedNow = true
                return try decodeByElements(Output.self, from: data, array: key, at: path, unit: unit, remainders: remainders)
            }
        }
        if !decodedNow { lock.withLock { recognizer.touch(remembered.references) } }
        return remembered.output
    }

    /// A reply not seen whole before: its known elements taken from the cache, the rest decoded.
    @inlinable
    func decodeByElements<Output: Decodable & Sendable>(_ type: Output.Type, from data: Data, array key: String,
                                                        at path: WritableKeyPath<Output, [Element]?>, unit: AWSServiceDescriptor.TimestampUnit,
                                                        remainders: DecodedReplyCache?) throws -> RememberedReply<Output> {
        guard let recognition = lock.withLock({ recognizer.recognize(data, key: key) }) else {
            return RememberedReply(output: try AWSJSON.decode(Output.self, from: data, unit: unit), references: [])
        }
        let remainder = recognition.split.remainder
        var output = try remainders?.decoded(Output.self, from: remainder, unit: unit) ?? AWSJSON.decode(Output.self, from: remainder, unit: unit)
        let (elements, remembered) = try elements(of: data, recognition: recognition, unit: unit)
        output[keyPath: path] = elements
        return RememberedReply(output: output, references: recognition.references + remembered)
    }

    /// The elements in order: the known ones as they are, the rest decoded in one go and remembered. Each value
    /// is copied once, into the result: for a struct element every copy retains all of its strings.
    @inlinable
    func elements(of data: Data, recognition: ElementRecognizer.Recognition,
                  unit: AWSServiceDescriptor.TimestampUnit) throws -> ([Element], remembered: [ElementRecognizer.Reference]) {
        let ranges = recognition.split.elements
        let missing = recognition.values.indices.filter { recognition.values[$0] == nil }
        var decoded: [Element] = []
        var remembered: [ElementRecognizer.Reference] = []
        if !missing.isEmpty {
            let start = data.startIndex
            var array = Data("[".utf8)
            for (position, index) in missing.enumerated() {
                if position > 0 { array.append(UInt8(ascii: ",")) }
                array.append(data[(start + ranges[index].lowerBound)..<(start + ranges[index].upperBound)])
            }
            array.append(UInt8(ascii: "]"))
            decoded = try AWSJSON.decode([Element].self, from: array, unit: unit)
            guard decoded.count == missing.count else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "expected \(missing.count) elements, decoded \(decoded.count)"))
            }
            lock.withLock {
                remembered = zip(missing, decoded).compactMap { index, element in recognizer.remember(ranges[index], of: data, value: element) }
            }
        }
        var result: [Element] = []
        result.reserveCapacity(ranges.count)
        var nextDecoded = decoded.makeIterator()
        for value in recognition.values {
            // This cache's recognizer only ever remembers this cache's `Element`s, so the cast cannot fail.
            if let value { result.append(value as! Element) } else if let element = nextDecoded.next() { result.append(element) }
        }
        return (result, remembered)
    }
}
