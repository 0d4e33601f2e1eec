import Foundation

/// Reads the XML that AWS's query-protocol services send (elements, text, the five named entities and
/// character references, CDATA, comments, the declaration) into an `XMLNode` tree, in one pass over the bytes.
///
/// Foundation's SAX parser cost more than everything else in a poll of target health; this reader does the
/// same job without a callback per element. Attributes are skipped (no AWS reply puts data in them), and
/// anything not well-formed (a mismatched end tag, an unknown entity, a second root) gives nil, as does nesting
/// deeper than `maximumDepth`.
struct XMLReader {
    /// Deeper than any AWS reply (a dozen levels at most). The reader itself keeps a stack of its own, but the tree
    /// it returns is searched, compared and freed recursively: a reply of 200,000 nested elements overflowed the
    /// stack there.
    static let maximumDepth = 256

    /// An element still open: its name, its text so far and its finished children.
    private struct OpenElement {
        var name: String
        var text: [UInt8] = []
        var children: [XMLNode] = []
    }

    private let bytes: UnsafeRawBufferPointer
    private var position = 0
    private var stack: [OpenElement] = []
    private var root: XMLNode?

    private static let less = UInt8(ascii: "<"), greater = UInt8(ascii: ">"), slash = UInt8(ascii: "/"), ampersand = UInt8(ascii: "&")
    private static let question = UInt8(ascii: "?"), bang = UInt8(ascii: "!"), semicolon = UInt8(ascii: ";")

    /// The document's root element, or nil when the document is not well-formed.
    static func parse(_ data: Data) -> XMLNode? {
        data.withUnsafeBytes { buffer in
            var reader = XMLReader(bytes: buffer)
            return reader.document()
        }
    }

    /// The byte offsets from the first `<name` start tag to the end of the last `</name>` end tag: bytes that
    /// hold the whole element, found without parsing, so a reply's result can be told unchanged. Nil when either
    /// tag is missing (a self-closing element included).
    static func elementRange(named name: String, in data: Data) -> Range<Int>? {
        let open = Array(("<" + name).utf8), close = Array(("</" + name + ">").utf8)
        return data.withUnsafeBytes { buffer -> Range<Int>? in
            var start: Int?
            var from = 0
            while let found = offset(of: open, in: buffer, from: from) {
                let after = found + open.count
                // `<nameX` is another element; the tag must end or go on with attributes.
                if after < buffer.count, isNameEnd(buffer[after]) {
                    start = found
                    break
                }
                from = after
            }
            guard let start else { return nil }
            var end: Int?
            from = start
            while let found = offset(of: close, in: buffer, from: from) {
                end = found + close.count
                from = found + close.count
            }
            return end.map { start..<$0 }
        }
    }

    private static func isNameEnd(_ byte: UInt8) -> Bool {
        switch byte {
        case greater, 0x20, 0x09, 0x0A, 0x0D: true
        default: false
        }
    }

    private static func offset(of needle: [UInt8], in buffer: UnsafeRawBufferPointer, from start: Int) -> Int? {
        needle.withUnsafeBytes { offset(of: $0, in: buffer, from: start) }
    }

    /// Where `needle` next occurs at or after `start`: the one search behind `skip(past:)` and `elementRange`. A
    /// plain loop, since the standard library's generic search cost more than parsing the reply would.
    private static func offset(of needle: UnsafeRawBufferPointer, in buffer: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let first = needle.first, buffer.count - start >= needle.count else { return nil }
        var candidate = start
        while candidate <= buffer.count - needle.count {
            if buffer[candidate] == first, needle.indices.allSatisfy({ buffer[candidate + $0] == needle[$0] }) { return candidate }
            candidate += 1
        }
        return nil
    }

    private init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }  // a UTF-8 byte order mark
    }

    private mutating func document() -> XMLNode? {
        while position < bytes.count {
            if bytes[position] == Self.less {
                guard markup() else { return nil }
            } else {
                guard text() else { return nil }
            }
        }
        return stack.isEmpty ? root : nil
    }

    /// Whatever starts with `<`: a declaration or processing instruction, a comment, CDATA, a start or end tag.
    private mutating func markup() -> Bool {
        guard position + 1 < bytes.count else { return false }
        switch bytes[position + 1] {
        case Self.question:
            return skip(past: "?>")
        case Self.bang:
            if starts(with: "<!--") { return skip(past: "-->") }
            if starts(with: "<![CDATA[") {
                guard !stack.isEmpty else { return false }
                let start = position + 9
                guard skip(past: "]]>") else { return false }
                stack[stack.count - 1].text.append(contentsOf: bytes[start..<(position - 3)])
                return true
            }
            return stack.isEmpty && skip(past: ">")  // a DOCTYPE, allowed before the root only
        case Self.slash:
            return endTag()
        default:
            return startTag()
        }
    }

    private mutating func startTag() -> Bool {
        guard root == nil else { return false }  // one root only
        guard stack.count < Self.maximumDepth else { return false }
        position += 1
        let name = self.name()
        guard !name.isEmpty else { return false }
        // Attributes are skipped, minding quoted values that may hold `>`.
        var quote: UInt8?
        while position < bytes.count {
            let byte = bytes[position]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == Self.greater {
                let selfClosing = bytes[position - 1] == Self.slash
                position += 1
                stack.append(OpenElement(name: name))
                return selfClosing ? close() : true
            }
            position += 1
        }
        return false
    }

    private mutating func endTag() -> Bool {
        position += 2
        let name = self.name()
        while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
        guard position < bytes.count, bytes[position] == Self.greater, stack.last?.name == name else { return false }
        position += 1
        return close()
    }

    /// Finishes the innermost open element, as a child of its parent or as the root.
    private mutating func close() -> Bool {
        guard let element = stack.popLast() else { return false }
        // Between child elements there is only indentation, which is not text.
        var text = element.text[...]
        if !element.children.isEmpty {
            while let first = text.first, Self.isSpace(first) { text = text.dropFirst() }
            while let last = text.last, Self.isSpace(last) { text = text.dropLast() }
        }
        let node = XMLNode(name: element.name, text: String(decoding: text, as: UTF8.self), children: element.children)
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].children.append(node)
        }
        return true
    }

    /// Character data up to the next `<`, with entities replaced; only whitespace may stand outside the root.
    private mutating func text() -> Bool {
        let start = position
        while position < bytes.count, bytes[position] != Self.less { position += 1 }
        guard !stack.isEmpty else {
            return bytes[start..<position].allSatisfy(Self.isSpace)
        }
        var index = start
        while index < position {
            let run = bytes[index..<position].firstIndex(of: Self.ampersand) ?? position
            stack[stack.count - 1].text.append(contentsOf: bytes[index..<run])
            guard run < position else { break }
            guard let end = bytes[run..<position].firstIndex(of: Self.semicolon),
                  let replacement = Self.entity(bytes[(run + 1)..<end]) else { return false }
            stack[stack.count - 1].text.append(contentsOf: replacement)
            index = end + 1
        }
        return true
    }

    private mutating func name() -> String {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if Self.isSpace(byte) || byte == Self.greater || byte == Self.slash { break }
            position += 1
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private func starts(with marker: StaticString) -> Bool {
        let count = marker.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        return (0..<count).allSatisfy { bytes[position + $0] == marker.utf8Start[$0] }
    }

    /// Moves past the next occurrence of `marker`; false when there is none.
    private mutating func skip(past marker: StaticString) -> Bool {
        let needle = UnsafeRawBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount)
        guard let found = Self.offset(of: needle, in: bytes, from: position) else { return false }
        position = found + needle.count
        return true
    }

    /// The UTF-8 bytes an entity reference (without `&` and `;`) stands for.
    private static func entity(_ name: UnsafeRawBufferPointer.SubSequence) -> [UInt8]? {
        switch String(decoding: name, as: UTF8.self) {
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "amp": return [UInt8(ascii: "&")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        case let reference where reference.hasPrefix("#x") || reference.hasPrefix("#X"):
            return UInt32(reference.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { Array(String($0).utf8) }
        case let reference where reference.hasPrefix("#"):
            return UInt32(reference.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init).map { Array(String($0).utf8) }
        default:
            return nil
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
