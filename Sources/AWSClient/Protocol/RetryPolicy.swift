import Foundation

/// When and how long to wait before retrying: capped exponential backoff with full jitter.
public struct RetryPolicy: Sendable {
    /// Total tries, the first included.
    public var maxAttempts: Int
    public var baseDelay: TimeInterval
    public var maxDelay: TimeInterval
    /// Returns a value in [0, 1); injected so tests can pin the jitter.
    public var random: @Sendable () -> Double

    public init(maxAttempts: Int = 4, baseDelay: TimeInterval = 0.2, maxDelay: TimeInterval = 20,
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.random = random
    }

    /// Never retry: for callers that want the first answer, such as `ecsdash doctor` probes.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The delay before retry number `retry` (0 for the first retry): random in [0, min(cap, base·2^retry)).
    public func delay(beforeRetry retry: Int) -> TimeInterval {
        let ceiling = min(maxDelay, baseDelay * pow(2, Double(min(retry, 30))))
        return ceiling * random()
    }
}
