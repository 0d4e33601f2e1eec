import Foundation

/// The chaos proxy's shared, lock-guarded state: the plan, its random source, the statistics, and which
/// account each access key belongs to (given for base users, learned from the AssumeRole answers passing by).
package final class ChaosState: @unchecked Sendable {
    /// What to do with one request.
    package enum Decision: Sendable {
        case forward
        case fault(Fault)
        /// The request's signature date is too far from the account's (skewed) clock; `awsNow` is that clock.
        case skewed(awsNow: Date)
    }

    private let lock = NSLock()
    private var plan: FaultPlan
    private var random: SplitMix64
    private var statistics = ChaosStatistics()
    private var accounts: [String: String]
    /// How often each rule of the current plan has fired.
    private var used: [Int: Int] = [:]

    package init(plan: FaultPlan, seed: UInt64, accounts: [String: String]) {
        self.plan = plan
        random = SplitMix64(seed: seed)
        self.accounts = accounts
    }

    package func setPlan(_ plan: FaultPlan) {
        lock.withLock {
            self.plan = plan
            used = [:]
        }
    }
    package var currentStatistics: ChaosStatistics { lock.withLock { statistics } }
    package func resetStatistics() { lock.withLock { statistics = ChaosStatistics() } }

    package func learn(accessKeyId: String, account: String) {
        lock.withLock { accounts[accessKeyId] = account }
    }

    /// Fills in the request's account and decides its fate, counting it.
    package func decide(_ request: inout ChaosRequest, now: Date) -> Decision {
        lock.withLock {
            request.account = request.accessKeyId.flatMap { accounts[$0] }
            statistics.requests += 1
            statistics.operations["\(request.service ?? "?").\(request.operation ?? "?")", default: 0] += 1
            if let account = request.account, let skew = plan.clockSkew[account], let signedAt = request.signedAt,
               abs(signedAt.timeIntervalSince(now.addingTimeInterval(skew))) > 300 {
                statistics.faults["skew", default: 0] += 1
                return .skewed(awsNow: now.addingTimeInterval(skew))
            }
            guard let index = plan.rule(for: request, used: used, roll: { random.nextUnit() }) else {
                statistics.passed += 1
                return .forward
            }
            used[index, default: 0] += 1
            let fault = plan.rules[index].fault
            statistics.faults[fault.description, default: 0] += 1
            return .fault(fault)
        }
    }
}
