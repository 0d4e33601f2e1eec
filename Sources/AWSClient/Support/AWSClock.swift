import Foundation

/// The time source for signing dates, retries, rate limits and credential refresh, so tests can step it.
public protocol AWSClock: Sendable {
    func now() -> Date
    /// Suspends for `seconds`; throws `CancellationError` when the task is cancelled.
    func sleep(seconds: TimeInterval) async throws
}

/// The real clock.
public struct SystemClock: AWSClock {
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(seconds: TimeInterval) async throws {
        guard seconds > 0 else { return }
        // Thirty years is as good as forever; the cap keeps an absurd value from trapping in the conversion.
        try await Task.sleep(nanoseconds: UInt64(min(seconds, 1e9) * 1_000_000_000))
    }
}
