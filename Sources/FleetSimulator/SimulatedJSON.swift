import Foundation

/// A JSON value as the simulator reads requests and writes replies: objects keep their member order.
package enum SimulatedJSON: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([SimulatedJSON])
    case object([(key: String, value: SimulatedJSON)])
    /// Already-serialised JSON (a cached task or service), written through as is.
    case raw([UInt8])

    /// An object from literal pairs; members whose value is nil are left out, as AWS omits absent fields.
    package static func fields(_ pairs: KeyValuePairs<String, SimulatedJSON?>) -> SimulatedJSON {
        .object(pairs.compactMap { pair in pair.value.map { (key: pair.key, value: $0) } })
    }

    /// A timestamp as ECS and CodePipeline send it: epoch seconds with a millisecond fraction.
    package static func seconds(_ time: Double?) -> SimulatedJSON? {
        time.map { .double(($0 * 1000).rounded() / 1000) }
    }

    /// A timestamp as CloudWatch Logs sends it: whole epoch milliseconds.
    package static func milliseconds(_ time: Double?) -> SimulatedJSON? {
        time.map { .int(Int64(($0 * 1000).rounded(.down))) }
    }

    package static func strings(_ values: [String]) -> SimulatedJSON {
        .array(values.map { .string($0) })
    }

    package static func text(_ value: String?) -> SimulatedJSON? {
        value.map { .string($0) }
    }

    package static func number(_ value: Int?) -> SimulatedJSON? {
        value.map { .int(Int64($0)) }
    }

    package subscript(key: String) -> SimulatedJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    package var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    package var intValue: Int? {
        switch self {
        case .int(let value): return Int(value)
        case .double(let value) where value == value.rounded(): return Int(value)
        default: return nil
        }
    }

    package var doubleValue: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }

    package var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    package var arrayValue: [SimulatedJSON]? {
        if case .array(let values) = self { return values }
        return nil
    }

    /// The object's members, or nil when this is not an object.
    package var members: [(key: String, value: SimulatedJSON)]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// A copy of an object with one member set (replaced in place, or appended).
    package func setting(_ key: String, _ value: SimulatedJSON) -> SimulatedJSON {
        guard var members else { return self }
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].value = value
        } else {
            members.append((key: key, value: value))
        }
        return .object(members)
    }

    /// The compact JSON bytes.
    package var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1024)
        write(into: &bytes)
        return bytes
    }

    /// The compact JSON text.
    package var data: Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1024)
        write(into: &bytes)
        return Data(bytes)
    }

    /// Writes UTF-8 bytes directly: replies are built on every poll, so this stays allocation-light.
    package func write(into bytes: inout [UInt8]) {
        switch self {
        case .null: bytes += Self.nullBytes
        case .bool(let value): bytes += value ? Self.trueBytes : Self.falseBytes
        case .int(let value): bytes += String(value).utf8
        case .double(let value): bytes += value.isFinite ? Array(String(value).utf8) : Self.nullBytes
        case .string(let value): Self.writeString(value, into: &bytes)
        case .raw(let json): bytes += json
        case .array(let values):
            bytes.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                value.write(into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.writeString(member.key, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                member.value.write(into: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private static let nullBytes = Array("null".utf8)
    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func writeString(_ value: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Almost every string needs no escaping: copy it whole.
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            bytes += value.utf8
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Parses a request body; an empty body is an empty object, as AWS treats it.
    package static func parse(_ data: Data) -> SimulatedJSON? {
        if data.isEmpty { return .object([]) }
        return try? JSONDecoder().decode(SimulatedJSON.self, from: data)
    }
}

extension SimulatedJSON: Decodable {
    package init(from decoder: any Decoder) throws {
        // Scalars first, strings before the rest: they are most of any request, and every failed
        // attempt costs a thrown DecodingError.
        if let container = try? decoder.singleValueContainer() {
            if container.decodeNil() {
                self = .null
                return
            }
            if let value = try? container.decode(String.self) {
                self = .string(value)
                return
            }
            if let value = try? container.decode(Bool.self) {
                self = .bool(value)
                return
            }
            if let value = try? container.decode(Int64.self) {
                self = .int(value)
                return
            }
            if let value = try? container.decode(Double.self) {
                self = .double(value)
                return
            }
        }
        if var container = try? decoder.unkeyedContainer() {
            var values: [SimulatedJSON] = []
            while !container.isAtEnd { values.append(try container.decode(SimulatedJSON.self)) }
            self = .array(values)
            return
        }
        let container = try decoder.container(keyedBy: AnyKey.self)
        // Sorted so that a stored request (a registered task definition) is written back the same way every time.
        let keys = container.allKeys.sorted { $0.stringValue < $1.stringValue }
        self = .object(try keys.map { (key: $0.stringValue, value: try container.decode(SimulatedJSON.self, forKey: $0)) })
    }

    /// A coding key made from any member name.
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }
}
