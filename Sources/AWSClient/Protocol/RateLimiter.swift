import Foundation

/// A token bucket that every call to one AWS account passes through, so ecsdash stays well inside the
/// account's API budget, which it shares with CI and the console.
public actor RateLimiter {
    public nonisolated let ratePerSecond: Double
    public nonisolated let burst: Double
    private let clock: any AWSClock
    private var tokens: Double
    private var lastRefill: Date

    public init(ratePerSecond: Double = 10, burst: Double? = nil, clock: any AWSClock = SystemClock()) {
        self.ratePerSecond = max(ratePerSecond, 0.001)
        self.burst = max(burst ?? ratePerSecond, 1)
        self.clock = clock
        self.tokens = self.burst
        self.lastRefill = clock.now()
    }

    /// Waits until a request may go. Callers queue fairly: each takes a token now, and waits for it
    /// to be earned if the bucket is in debt.
    public func acquire() async throws {
        refill()
        tokens -= 1
        guard tokens < 0 else { return }
        try await clock.sleep(seconds: -tokens / ratePerSecond)
    }

    private func refill() {
        let now = clock.now()
        let elapsed = now.timeIntervalSince(lastRefill)
        if elapsed > 0 {
            tokens = min(burst, tokens + elapsed * ratePerSecond)
            lastRefill = now
        }
    }
}
