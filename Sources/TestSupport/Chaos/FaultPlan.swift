import Foundation

/// What the chaos proxy does to each request: the rules in order (the first that matches and wins its roll
/// applies), and per account a clock that is off by some seconds, so signatures made with the client's clock
/// are refused as AWS refuses them until the client corrects for the skew.
public struct FaultPlan: Sendable, Hashable {
    public var rules: [FaultRule]
    /// Seconds the "AWS" clock of an account is ahead of this machine's (negative: behind).
    public var clockSkew: [String: TimeInterval]

    public init(rules: [FaultRule] = [], clockSkew: [String: TimeInterval] = [:]) {
        self.rules = rules
        self.clockSkew = clockSkew
    }

    public static let none = FaultPlan()

    /// About `rate` of all requests fail, spread evenly over every kind of fault a network and AWS produce;
    /// hangs are rarer (a tenth of the share of the others) and last `hang` seconds.
    public static func mixed(rate: Double, hang: Double = 45, account: String? = nil) -> FaultPlan {
        var kinds: [Fault] = [.throttle, .htmlPage(status: 500), .htmlPage(status: 503), .resetBeforeForwarding, .resetAfterForwarding,
                              .truncate, .expiredToken]
        kinds += WrongBody.allCases.map(Fault.wrongBody)
        let hangShare = 0.1
        let each = rate / (Double(kinds.count) + hangShare)
        // Rule i is tried only when rules 0..<i did not fire, so each one's probability is raised to keep the shares equal.
        var rules: [FaultRule] = []
        var remaining = 1.0
        for fault in kinds.map({ ($0, each) }) + [(.hang(seconds: hang), each * hangShare)] {
            let conditional = min(1, fault.1 / remaining)
            rules.append(FaultRule(fault.0, probability: conditional, account: account))
            remaining -= fault.1
        }
        return FaultPlan(rules: rules)
    }

    /// The index of the rule whose fault `request` gets, if any; `roll` gives values in [0, 1), `used` how often
    /// each rule has fired.
    func rule(for request: ChaosRequest, used: [Int: Int], roll: () -> Double) -> Int? {
        for (index, rule) in rules.enumerated() where rule.matches(request) && (rule.times.map { used[index, default: 0] < $0 } ?? true) {
            if roll() < rule.probability { return index }
        }
        return nil
    }
}
