import AWSClient
import DashboardModel
import Foundation

/// One line of the audit log: one step of one action, who did it, and what AWS said. Never credentials.
package struct AuditRecord: Sendable, Equatable, Codable {
    package var time: String
    /// The caller identity ARN (STS GetCallerIdentity with the deploy role the step used: the registry's for ECR,
    /// the environment's for ECS), when it could be learned.
    package var identity: String?
    package var action: String
    package var service: String
    package var environment: String
    package var from: String?
    package var to: String?
    package var step: String
    package var oldDigest: String?
    package var newDigest: String?
    package var gates: [GateResult]
    package var overrides: [String]
    package var reason: String?
    /// `ok`, `already-done`, `failed`, `refused`, `completed`, `rolled-back`, `timed-out`, `interrupted`.
    package var result: String
    package var error: String?
    package var requestIds: [String]
    /// A scale's desired count before and after (absent for the other actions).
    package var oldCount: Int? = nil
    package var newCount: Int? = nil

    package enum CodingKeys: String, CodingKey {
        case time, identity, action, service, environment, from, to, step
        case oldDigest = "old_digest", newDigest = "new_digest", gates, overrides, reason, result, error
        case requestIds = "request_ids"
        case oldCount = "old_count", newCount = "new_count"
    }

    /// The same record for a step made as `identity` (when it was learned).
    package func madeAs(_ identity: String?) -> AuditRecord {
        var record = self
        record.identity = identity ?? self.identity
        return record
    }

    /// The record with every free text (what AWS said, the reason typed, the step, the gates' verdicts) scrubbed of
    /// anything shaped like a key, secret or token. Fields are scrubbed rather than the encoded line, whose JSON
    /// escapes (`\n` before a token) a mask could break.
    package func scrubbed() -> AuditRecord {
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

    package static func timestamp(_ date: Date) -> String {
        formatter().string(from: date)
    }

    /// When the step was recorded: `time` read back (nil for a line some other tool wrote in another form).
    package var date: Date? { Self.formatter().date(from: time) }

    private static func formatter() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
