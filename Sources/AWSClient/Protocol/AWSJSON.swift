import Foundation

/// JSON coding shared by the JSON-protocol services, with timestamps read in whichever form the service
/// (or moto) sends: epoch seconds with fractions, epoch milliseconds, or ISO-8601 strings.
public enum AWSJSON {
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        return encoder
    }()

    /// Decodes a reply: first with the built-in numeric date strategy (every timestamp real AWS sends on these
    /// services is a number, and a custom strategy doubles decoding time), then, only if that fails, with the
    /// flexible one that also reads ISO-8601 strings (moto's CodePipeline).
    public static func decode<Output: Decodable>(_ type: Output.Type, from data: Data, unit: AWSServiceDescriptor.TimestampUnit) throws -> Output {
        let fast = unit == .milliseconds ? millisecondsDecoder : secondsDecoder
        if let output = try? fast.decode(type, from: data) { return output }
        return try decoder(for: unit).decode(type, from: data)
    }

    private static let secondsDecoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }()

    private static let millisecondsDecoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }()

    public static func decoder(for unit: AWSServiceDescriptor.TimestampUnit) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                return Date(timeIntervalSince1970: unit == .milliseconds ? number / 1000 : number)
            }
            let text = try container.decode(String.self)
            if let date = parseTimestamp(text, unit: unit) { return date }
            // Not quoting the text: `describe` never repeats a reply's values, and a decoder's own words should not either.
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a timestamp")
        }
        return decoder
    }

    /// Reads ISO-8601 with or without fractional seconds or a zone, or a number in a string.
    public static func parseTimestamp(_ text: String, unit: AWSServiceDescriptor.TimestampUnit = .seconds) -> Date? {
        if let number = Double(text) { return Date(timeIntervalSince1970: unit == .milliseconds ? number / 1000 : number) }
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = fractional.date(from: text) { return date }
        // moto writes some timestamps without a zone (`2026-01-02T03:04:05.123456`); AWS means UTC.
        let zoneless = DateFormatter()
        zoneless.locale = Locale(identifier: "en_US_POSIX")
        zoneless.timeZone = TimeZone(identifier: "UTC")
        for format in ["yyyy-MM-dd'T'HH:mm:ss.SSSSSS", "yyyy-MM-dd'T'HH:mm:ss.SSS", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss.SSSSSSZZZZZ", "yyyy-MM-dd HH:mm:ssZZZZZ"] {
            zoneless.dateFormat = format
            if let date = zoneless.date(from: text) { return date }
        }
        return nil
    }

    /// A one-line account of a decoding failure: which field, and what kind of value was wanted there. Never the
    /// value found, nor the decoder's own `debugDescription`, which can quote it (Foundation's JSON errors name the
    /// unexpected character, a custom date strategy may name the text): a reply may hold a key or token.
    static func describe(_ error: Error) -> String {
        guard let decodingError = error as? DecodingError else { return "the reply could not be decoded (\(type(of: error)))" }
        func path(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return path.isEmpty ? "the reply" : path
        }
        switch decodingError {
        case .typeMismatch(let type, let context):
            return "\(path(context)): not \(article(type)) \(type)"
        case .valueNotFound(let type, let context):
            return "\(path(context)): no value, expected \(article(type)) \(type)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "the reply could not be read as JSON" : "\(path(context)): unreadable value"
        case .keyNotFound(let key, let context):
            return "\(path(context)): missing \(key.stringValue)"
        @unknown default:
            return "the reply could not be decoded"
        }
    }

    private static func article(_ type: Any.Type) -> String {
        let name = "\(type)"
        return "AEIOU".contains(name.first ?? "x") ? "an" : "a"
    }
}
