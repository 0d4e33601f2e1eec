import Foundation

/// A service's problems in the few words a matrix cell has room for: the worst kind first, with its age
/// (`rolled back 3m`, `failed 12m`, `2 crashes (OOM) 7m`, `stuck 14m`).
package enum ProblemSummary {
    package static func text(_ problems: [ServiceProblem], now: Date) -> String? {
        if let rollout = problems.first(where: { $0.kind == .rolledBack || $0.kind == .failed }) {
            return "\(rollout.kind == .rolledBack ? "rolled back" : "failed") \(Age.format(now.timeIntervalSince(rollout.at)))"
        }
        let crashes = problems.compactMap { problem -> (reason: String, at: Date)? in
            if case .crash(let reason) = problem.kind { return (reason, problem.at) }
            return nil
        }
        if let latest = crashes.first {
            let reasons = Set(crashes.map(\.reason))
            let reason = reasons.count == 1 ? latest.reason : "mixed"
            let count = crashes.count == 1 ? "crash" : "\(crashes.count) crashes"
            return "\(count) (\(reason)) \(Age.format(now.timeIntervalSince(latest.at)))"
        }
        if let stuck = problems.first(where: { $0.kind == .stuck }) {
            return "stuck \(Age.format(now.timeIntervalSince(stuck.at)))"
        }
        return nil
    }

    /// Rollouts that failed are errors; crashes and stuck rollouts are warnings.
    package static func isError(_ problems: [ServiceProblem]) -> Bool {
        problems.contains { $0.kind == .rolledBack || $0.kind == .failed }
    }
}
