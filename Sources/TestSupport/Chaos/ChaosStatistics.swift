/// What the chaos proxy has seen: requests in all, those passed through untouched, and each fault injected.
public struct ChaosStatistics: Sendable, Equatable {
    public var requests = 0
    public var passed = 0
    /// By `Fault.description` (`throttle`, `reset-before`, …), plus `skew` for refused signatures.
    public var faults: [String: Int] = [:]
    /// By `service.Operation`, every request.
    public var operations: [String: Int] = [:]

    public var injected: Int { faults.values.reduce(0, +) }
}
