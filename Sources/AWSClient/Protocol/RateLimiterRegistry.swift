import Foundation

/// Hands out one `RateLimiter` per AWS account, so every client for that account shares it.
public final class RateLimiterRegistry: @unchecked Sendable {
    public static let shared = RateLimiterRegistry()

    private let lock = NSLock()
    private var limiters: [String: RateLimiter] = [:]
    private let makeLimiter: @Sendable () -> RateLimiter

    public init(ratePerSecond: Double = 10, clock: any AWSClock = SystemClock()) {
        makeLimiter = { RateLimiter(ratePerSecond: ratePerSecond, clock: clock) }
    }

    public func limiter(forAccount account: String) -> RateLimiter {
        lock.withLock {
            if let existing = limiters[account] { return existing }
            let limiter = makeLimiter()
            limiters[account] = limiter
            return limiter
        }
    }
}
