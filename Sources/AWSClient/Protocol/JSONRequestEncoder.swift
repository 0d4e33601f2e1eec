import Foundation

/// Writes a request's `Encodable` input as JSON in one pass into one buffer, with AWS's conventions:
/// dates as epoch seconds, data as base64, nil members left out.
///
/// `JSONEncoder` builds a tree of boxed values first and cost a poll more than signing its requests; inputs
/// are written in the order their `encode(to:)` asks, so there is nothing to build. Nested containers are
/// closed when their parent writes again or finishes, which is how every synthesized `encode(to:)` uses them.
enum JSONRequestEncoder {
    static func encode(_ value: some Encodable) throws -> Data {
        let writer = JSONByteWriter()
        try writer.writeValue(value, codingPath: [])
        return Data(writer.bytes)
    }
}

/// The output buffer and the writing of scalars.
final class JSONByteWriter {
    private(set) var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(1024)
    }

    func writeValue<Value: Encodable>(_ value: Value, codingPath: [any CodingKey]) throws {
        // Checking the type first keeps the dynamic casts off the common path.
        if Value.self == String.self, let string = value as? String {
            writeString(string)
        } else if Value.self == [String].self, let strings = value as? [String] {
            // Most of a poll's request bytes (task and service ARNs): one loop instead of a generic container call per element.
            writeStrings(strings)
        } else if Value.self == Date.self, let date = value as? Date {
            try writeNumber(date.timeIntervalSince1970, codingPath: codingPath)
        } else if Value.self == Data.self, let data = value as? Data {
            writeString(data.base64EncodedString())
        } else if Value.self == URL.self, let url = value as? URL {
            writeString(url.absoluteString)
        } else if let integer = value as? any BinaryInteger {
            // The containers write Int themselves; the other widths reach here through the protocol's default
            // methods, and asking them to encode themselves would only send them back here.
            writeInteger(integer)
        } else if let float = value as? Float {
            try writeNumber(Double(float), codingPath: codingPath)
        } else {
            let encoder = StreamingJSONEncoder(writer: self, codingPath: codingPath)
            try value.encode(to: encoder)
            try encoder.finish()
        }
    }

    func write(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    func writeInteger(_ value: some BinaryInteger) {
        bytes.append(contentsOf: String(value).utf8)
    }

    func writeBool(_ value: Bool) {
        value ? write("true") : write("false")
    }

    func writeNumber(_ value: Double, codingPath: [any CodingKey]) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(value) is not a JSON number"))
        }
        if value == value.rounded(), abs(value) < 1e15 {
            writeInteger(Int64(value))
        } else {
            bytes.append(contentsOf: "\(value)".utf8)
        }
    }

    func writeString(_ string: String) {
        Self.appendQuoted(string, to: &bytes)
    }

    func writeStrings(_ strings: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (index, string) in strings.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            Self.appendQuoted(string, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// One access to the buffer for the whole string: appending byte by byte to a class's stored array would
    /// check exclusive access on every byte.
    private static func appendQuoted(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        let utf8 = string.utf8
        // Over the contiguous bytes when the string has them: the generic UTF-8 view iterator costs several times more.
        let clean = utf8.withContiguousStorageIfAvailable { !$0.contains(where: needsEscape) } ?? !utf8.contains(where: needsEscape)
        if clean {
            bytes.append(contentsOf: utf8)
        } else {
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0x00..<0x20: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// The `Encoder` for one value: it opens an object, an array or a single value on the shared writer and
/// closes it in `finish`.
final class StreamingJSONEncoder: Encoder {
    private enum State {
        case empty, object, array, single, finished
    }

    let writer: JSONByteWriter
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    private var state = State.empty
    private var needsComma = false
    /// The encoder of a nested container or super encoder still open, closed before this one writes again.
    private var openChild: StreamingJSONEncoder?
    /// A misuse found where the protocol gives no way to throw; reported by the next write or by `finish`.
    private var misuse: String?

    init(writer: JSONByteWriter, codingPath: [any CodingKey]) {
        self.writer = writer
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        open(.object, "{")
        return KeyedEncodingContainer(KeyedWriter(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        open(.array, "[")
        return UnkeyedWriter(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueWriter(encoder: self)
    }

    /// Closes what this encoder opened; a value that wrote nothing is `{}`, as with `JSONEncoder`.
    func finish() throws {
        try closeChild()
        if let misuse { throw misused(misuse) }
        switch state {
        case .empty: writer.write("{}")
        case .object: writer.write("}")
        case .array: writer.write("]")
        case .single, .finished: break
        }
        state = .finished
    }

    // MARK: What the containers call

    /// Starts a member or an element: closes a nested container left open and writes the separator.
    func beginEntry(key: (any CodingKey)?) throws {
        try closeChild()
        if let misuse { throw misused(misuse) }
        guard state == .object || state == .array else { throw misused("a container written to after its value was finished") }
        if needsComma { writer.write(",") }
        needsComma = true
        if let key {
            writer.writeString(key.stringValue)
            writer.write(":")
        }
    }

    /// Starts the one value of a single-value container.
    func beginSingleValue() throws {
        if let misuse { throw misused(misuse) }
        guard state == .empty else { throw misused("a single value written twice or beside a container") }
        state = .single
    }

    /// An encoder for a nested container or super encoder, written as the member `key` (or the next element).
    /// Where that cannot be written, it writes nowhere and this encoder's next write or `finish` throws.
    func child(at key: any CodingKey, isMember: Bool) -> StreamingJSONEncoder {
        do {
            try beginEntry(key: isMember ? key : nil)
        } catch {
            misuse = misuse ?? "\(error)"
            return StreamingJSONEncoder(writer: JSONByteWriter(), codingPath: codingPath + [key])
        }
        let child = StreamingJSONEncoder(writer: writer, codingPath: codingPath + [key])
        openChild = child
        return child
    }

    private func open(_ kind: State, _ opener: StaticString) {
        if state == kind { return }  // a second container of the same kind continues the first (as `JSONEncoder` merges them)
        guard state == .empty else {
            misuse = "a \(kind) container asked for after a \(state) one"
            return
        }
        state = kind
        writer.write(opener)
    }

    private func closeChild() throws {
        guard let child = openChild else { return }
        openChild = nil
        try child.finish()
    }

    private func misused(_ description: String) -> EncodingError {
        EncodingError.invalidValue(description, .init(codingPath: codingPath, debugDescription: description))
    }
}

/// The members of an object.
private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: StreamingJSONEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws {
        try encoder.beginEntry(key: key)
        encoder.writer.write("null")
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        try encoder.beginEntry(key: key)
        encoder.writer.writeBool(value)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        try encoder.beginEntry(key: key)
        encoder.writer.writeString(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        try encoder.beginEntry(key: key)
        try encoder.writer.writeNumber(value, codingPath: codingPath + [key])
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        try encoder.beginEntry(key: key)
        encoder.writer.writeInteger(value)
    }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        try encoder.beginEntry(key: key)
        try encoder.writer.writeValue(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.child(at: key, isMember: true).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.child(at: key, isMember: true).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(forKey: Key(stringValue: "super")!)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.child(at: key, isMember: true)
    }
}

/// The elements of an array.
private struct UnkeyedWriter: UnkeyedEncodingContainer {
    let encoder: StreamingJSONEncoder
    private(set) var count = 0
    var codingPath: [any CodingKey] { encoder.codingPath }

    init(encoder: StreamingJSONEncoder) {
        self.encoder = encoder
    }

    private mutating func begin() throws {
        try encoder.beginEntry(key: nil)
        count += 1
    }

    mutating func encodeNil() throws {
        try begin()
        encoder.writer.write("null")
    }

    mutating func encode(_ value: Bool) throws {
        try begin()
        encoder.writer.writeBool(value)
    }

    mutating func encode(_ value: String) throws {
        try begin()
        encoder.writer.writeString(value)
    }

    mutating func encode(_ value: Double) throws {
        try begin()
        try encoder.writer.writeNumber(value, codingPath: codingPath)
    }

    mutating func encode(_ value: Int) throws {
        try begin()
        encoder.writer.writeInteger(value)
    }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        try begin()
        try encoder.writer.writeValue(value, codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        superEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        superEncoder().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        count += 1
        return encoder.child(at: IndexKey(intValue: count - 1), isMember: false)
    }

    /// The coding path entry of an array element.
    private struct IndexKey: CodingKey {
        let intValue: Int?
        var stringValue: String { "Index \(intValue ?? 0)" }

        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { return nil }
    }
}

/// The one value of a single-value container.
private struct SingleValueWriter: SingleValueEncodingContainer {
    let encoder: StreamingJSONEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws {
        try encoder.beginSingleValue()
        encoder.writer.write("null")
    }

    mutating func encode(_ value: Bool) throws {
        try encoder.beginSingleValue()
        encoder.writer.writeBool(value)
    }

    mutating func encode(_ value: String) throws {
        try encoder.beginSingleValue()
        encoder.writer.writeString(value)
    }

    mutating func encode(_ value: Double) throws {
        try encoder.beginSingleValue()
        try encoder.writer.writeNumber(value, codingPath: codingPath)
    }

    mutating func encode(_ value: Int) throws {
        try encoder.beginSingleValue()
        encoder.writer.writeInteger(value)
    }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        try encoder.beginSingleValue()
        try encoder.writer.writeValue(value, codingPath: codingPath)
    }
}
