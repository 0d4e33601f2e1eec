/// One safety check before a promotion: passed or failed, and why.
struct GateResult: Sendable, Equatable, Codable {
    var name: String
    var passed: Bool
    var reason: String

    var line: String { "\(passed ? "✓" : "✗") \(name): \(reason)" }
}
