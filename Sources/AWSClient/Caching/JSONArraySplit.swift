import Foundation

/// Where the elements of one top-level array of a JSON object lie, found without decoding them, and the
/// document with that array emptied; lets a large reply's unchanged elements be recognised by their bytes.
///
/// The scan only tracks strings and nesting: it does not validate. Every element that is not recognised is
/// decoded by `JSONDecoder`, and so is the remainder, so malformed JSON still fails there with its real error.
/// A caller that already knows an element can say so at its first byte and the scan jumps over it unread.
@usableFromInline
struct JSONArraySplit {
    /// Given the document and an element's start offset (always inside it), the length of an element known to start
    /// there, if any.
    typealias KnownElement = (UnsafeRawBufferPointer, Int) -> Int?

    /// Byte offsets of each element, in order, relative to the start of the document.
    @usableFromInline let elements: [Range<Int>]
    /// The document with the array's contents removed (`"tasks":[]`).
    @usableFromInline let remainder: Data
    /// Byte offsets of the whole array, `[` to `]` inclusive.
    @usableFromInline let array: Range<Int>

    /// Nil when the document is not an object with `key` holding an array, or when the scan runs off its end.
    init?(_ data: Data, key: String, known: KnownElement = { _, _ in nil }) {
        let keyBytes = Array(key.utf8)
        guard let found = withoutActuallyEscaping(known, do: { known in
            data.withUnsafeBytes { buffer -> (elements: [Range<Int>], open: Int, close: Int)? in
                var scanner = Scanner(bytes: buffer, known: known)
                return scanner.findArray(key: keyBytes)
            }
        }) else { return nil }
        elements = found.elements
        array = found.open..<(found.close + 1)
        let start = data.startIndex
        var remainder = Data(capacity: data.count - (found.close - found.open) + 1)
        remainder.append(data[start...(start + found.open)])
        remainder.append(data[(start + found.close)...])
        self.remainder = remainder
    }

    /// A forward-only reader over the bytes of one JSON document.
    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        let known: KnownElement
        var position = 0

        private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), colon = UInt8(ascii: ":"), comma = UInt8(ascii: ",")
        private static let openObject = UInt8(ascii: "{"), closeObject = UInt8(ascii: "}")
        private static let openArray = UInt8(ascii: "["), closeArray = UInt8(ascii: "]")

        init(bytes: UnsafeRawBufferPointer, known: @escaping KnownElement) {
            self.bytes = bytes
            self.known = known
        }

        /// The element ranges and the offsets of `[` and `]` of the top-level member `key`.
        mutating func findArray(key: [UInt8]) -> (elements: [Range<Int>], open: Int, close: Int)? {
            guard take(Self.openObject) else { return nil }
            while true {
                skipWhitespace()
                guard position < bytes.count, bytes[position] == Self.quote else { return nil }
                let keyStart = position + 1
                guard skipString() else { return nil }
                let isWanted = matches(key, from: keyStart, to: position - 1)
                guard take(Self.colon) else { return nil }
                skipWhitespace()
                if isWanted, position < bytes.count, bytes[position] == Self.openArray {
                    return elementsOfArray()
                }
                guard skipValue(), next(isOneOf: Self.comma) else { return nil }
            }
        }

        private mutating func elementsOfArray() -> (elements: [Range<Int>], open: Int, close: Int)? {
            let open = position
            position += 1
            var elements: [Range<Int>] = []
            skipWhitespace()
            if position < bytes.count, bytes[position] == Self.closeArray { return ([], open, position) }
            while true {
                skipWhitespace()
                // A truncated document (`[1,` then spaces) ends here: there is no element to ask about.
                guard position < bytes.count else { return nil }
                let start = position
                if let length = known(bytes, start), length > 0, start + length <= bytes.count {
                    position += length
                } else {
                    guard skipValue() else { return nil }
                }
                elements.append(start..<position)
                skipWhitespace()
                guard position < bytes.count else { return nil }
                switch bytes[position] {
                case Self.comma: position += 1
                case Self.closeArray: return (elements, open, position)
                default: return nil
                }
            }
        }

        /// Moves past the separator after a member; false at the object's end or on anything else.
        private mutating func next(isOneOf separator: UInt8) -> Bool {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == separator else { return false }
            position += 1
            return true
        }

        private func matches(_ key: [UInt8], from start: Int, to end: Int) -> Bool {
            guard end - start == key.count else { return false }
            for offset in 0..<key.count where bytes[start + offset] != key[offset] { return false }
            return true
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        private mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x0A, 0x0D, 0x09: position += 1
                default: return
                }
            }
        }

        /// Moves past the string whose opening quote is at `position`.
        private mutating func skipString() -> Bool {
            position += 1
            while position < bytes.count {
                let byte = bytes[position]
                if byte == Self.quote {
                    position += 1
                    return true
                }
                position += byte == Self.backslash ? 2 : 1
            }
            return false
        }

        /// Moves past one value: a string, a whole object or array, or a number or literal.
        private mutating func skipValue() -> Bool {
            guard position < bytes.count else { return false }
            switch bytes[position] {
            case Self.quote:
                return skipString()
            case Self.openObject, Self.openArray:
                return skipNested()
            default:
                let start = position
                while position < bytes.count {
                    switch bytes[position] {
                    case Self.comma, Self.closeObject, Self.closeArray, 0x20, 0x0A, 0x0D, 0x09: return position > start
                    default: position += 1
                    }
                }
                return position > start
            }
        }

        private mutating func skipNested() -> Bool {
            var depth = 0
            while position < bytes.count {
                switch bytes[position] {
                case Self.quote:
                    guard skipString() else { return false }
                    continue
                case Self.openObject, Self.openArray:
                    depth += 1
                case Self.closeObject, Self.closeArray:
                    depth -= 1
                    if depth == 0 {
                        position += 1
                        return true
                    }
                default:
                    break
                }
                position += 1
            }
            return false
        }
    }
}
