import AWSClient
import Foundation

/// One line of the audit log: one step of one action, who did it, and what AWS said. Never credentials.
struct AuditRecord: Sendable, Equatable, Codable {
    var time: String
    /// The caller identity ARN (STS GetCallerIdentity with the deploy role the step used: the registry's for ECR,
    /// the environment's for ECS), when it could be learned.
    var identity: String?
    var action: String
    var service: String
    var environment: String
    var from: String?
    var to: String?
    var step: String
    var oldDigest: String?
    var newDigest: String?
    var gates: [GateResult]
    var overrides: [String]
    var reason: String?
    /// `ok`, `already-done`, `failed`, `refused`, `completed`, `rolled-back`, `timed-out`, `interrupted`.
    var result: String
    var error: String?
    var requestIds: [String]
    /// A scale's desired count before and after (absent for the other actions).
    var oldCount: Int? = nil
    var newCount: Int? = nil

    enum CodingKeys: String, CodingKey {
        case time, identity, action, service, environment, from, to, step
        case oldDigest = "old_digest", newDigest = "new_digest", gates, overrides, reason, result, error
        case requestIds = "request_ids"
        case oldCount = "old_count", newCount = "new_count"
    }

    /// The same record for a step made as `identity` (when it was learned).
    func madeAs(_ identity: String?) -> AuditRecord {
        var record = self
        record.identity = identity ?? self.identity
        return record
    }

    /// The record with every free text (what AWS said, the reason typed, the step, the gates' verdicts) scrubbed of
    /// anything shaped like a key, secret or token. Fields are scrubbed rather than the encoded line, whose JSON
    /// escapes (`\n` before a token) a mask could break.
    func scrubbed() -> AuditRecord {
        let scrub = SecretScrubber.scrub
        var record = self
        record.identity = identity.map(scrub)
        record.step = scrub(step)
        record.reason = reason.map(scrub)
        record.error = error.map(scrub)
        record.overrides = overrides.map(scrub)
        record.gates = gates.map { GateResult(name: scrub($0.name), passed: $0.passed, reason: scrub($0.reason), unverified: $0.unverified == true) }
        return record
    }

    static func timestamp(_ date: Date) -> String {
        formatter().string(from: date)
    }

    /// When the step was recorded: `time` read back (nil for a line some other tool wrote in another form).
    var date: Date? { Self.formatter().date(from: time) }

    private static func formatter() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
