import Foundation

/// The learned difference between the server's clock and ours, applied to every signing date after a
/// skew error, like the AWS SDKs do.
public final class ClockSkew: @unchecked Sendable {
    private let lock = NSLock()
    private var offset: TimeInterval = 0

    public init() {}

    /// Seconds to add to local time to get the server's.
    public var seconds: TimeInterval { lock.withLock { offset } }

    /// Learns the offset from a response's `Date` header; false when the header is missing or unreadable.
    @discardableResult
    func learn(fromDateHeader header: String?, localNow: Date) -> Bool {
        guard let header, let serverDate = ClockSkew.parseHTTPDate(header) else { return false }
        lock.withLock { offset = serverDate.timeIntervalSince(localNow) }
        return true
    }

    /// Parses an RFC 7231 date (`Tue, 15 Nov 1994 08:12:31 GMT`).
    static func parseHTTPDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text.trimmingCharacters(in: .whitespaces))
    }
}
