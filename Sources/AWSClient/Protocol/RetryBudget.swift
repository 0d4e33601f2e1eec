import Foundation

/// A shared allowance of retries, so a failing service is not hammered by every caller at once:
/// each retry spends tokens, each success earns one back (the AWS SDKs' "standard" retry quota).
public final class RetryBudget: @unchecked Sendable {
    private let lock = NSLock()
    private let capacity: Int
    private var available: Int
    let retryCost: Int
    let timeoutCost: Int

    public init(capacity: Int = 500, retryCost: Int = 5, timeoutCost: Int = 10) {
        self.capacity = capacity
        self.available = capacity
        self.retryCost = retryCost
        self.timeoutCost = timeoutCost
    }

    public var remaining: Int { lock.withLock { available } }

    /// Takes the cost of one retry; false when the budget cannot pay for it.
    func withdraw(isTimeout: Bool) -> Bool {
        let cost = isTimeout ? timeoutCost : retryCost
        return lock.withLock {
            guard available >= cost else { return false }
            available -= cost
            return true
        }
    }

    func recordSuccess() {
        lock.withLock { available = min(capacity, available + 1) }
    }
}
