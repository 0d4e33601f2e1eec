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
            // The reply's own text, which becomes the error's message: enough of it to recognise.
            let shown = text.count > 64 ? text.prefix(64) + "…" : Substring(text)
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a timestamp: \(shown)")
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

    /// A one-line account of a decoding failure: which field, what went wrong.
    static func describe(_ error: Error) -> String {
        guard let decodingError = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch decodingError {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "\(path(context)): missing \(key.stringValue)"
        @unknown default:
            return "\(error)"
        }
    }
}
