import Foundation

/// Parses the timestamp spellings credential sources use: ISO-8601 with or without fractional
/// seconds, and the `2019-11-14T04:05:45UTC` form older `aws sso login` versions wrote.
enum ISO8601Timestamp {
    static func parse(_ text: String) -> Date? {
        var normalized = text.trimmingCharacters(in: .whitespaces)
        if normalized.hasSuffix("UTC") { normalized = String(normalized.dropLast(3)) + "Z" }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: normalized) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: normalized)
    }
}
