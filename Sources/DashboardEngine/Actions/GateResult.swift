import DashboardModel

/// One safety check before an action: passed or failed, and why; a check whose facts ECS did not report passes
/// as unverified (`?`), so it never blocks what it cannot judge but never claims to have judged it.
package struct GateResult: Sendable, Equatable, Codable {
    package var name: String
    package var passed: Bool
    package var reason: String
    /// Passed for want of facts, not on them (nil in records written before gates could say so).
    package var unverified: Bool?

    package init(name: String, passed: Bool, reason: String, unverified: Bool = false) {
        self.name = name
        self.passed = passed
        self.reason = reason
        self.unverified = unverified ? true : nil
    }

    package var line: String { "\(passed ? (unverified == true ? "?" : "✓") : "✗") \(name): \(reason)" }
}
