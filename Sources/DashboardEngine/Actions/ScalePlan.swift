import AWSClient
import DashboardModel
import Foundation

/// What a scale will do, from one read of the service and of its Application Auto Scaling target: the count now and
/// after, the target's bounds (or why they are unknown), the gate on them and the one call.
package struct ScalePlan: Sendable, Equatable {
    /// Counts ecsdash accepts at all. ECS's own quota is 5,000 tasks per service (raisable); past 10,000 it is a typo.
    package static let counts = ScaleLimits.counts
    package static let boundsGate = "auto scaling bounds"

    package var service: String
    package var environment: String
    package var cluster: String
    package var desired: Int
    package var running: Int
    package var pending: Int
    package var count: Int
    package var target: ApplicationAutoScalingScalableTarget?
    /// Why the target could not be read (then the bounds are unknown and the gate fails).
    package var targetError: String?

    package var resourceId: String { ApplicationAutoScalingClient.ecsServiceResourceId(cluster: cluster, service: service) }

    /// Scaling to the count the service already wants changes nothing.
    package var changes: Bool { count != desired }

    package var calls: [PlannedCall] {
        changes ? [.scaleService(environment: environment, cluster: cluster, service: service, desiredCount: count)] : []
    }

    package var gates: [GateResult] { [Self.bounds(count: count, target: target, resourceId: resourceId, error: targetError)] }

    /// A usage error for a count no service should be given, so both the command and the dashboard refuse it alike.
    package static func checkCount(_ count: Int) throws {
        guard counts.contains(count) else {
            throw ActionError(message: "the count must be between \(counts.lowerBound) and \(counts.upperBound); got \(count)",
                              exitCode: ActionOutcome.usage)
        }
    }

    /// The count lies within the target's min and max; no target means nothing to keep it in; an unreadable one fails,
    /// since the bounds cannot be checked.
    package static func bounds(count: Int, target: ApplicationAutoScalingScalableTarget?, resourceId: String, error: String?) -> GateResult {
        if let error {
            return GateResult(name: boundsGate, passed: false, reason: "unknown: could not read the scalable target of \(resourceId): \(error)")
        }
        guard let target else { return GateResult(name: boundsGate, passed: true, reason: "no scalable target on \(resourceId)") }
        if let min = target.minCapacity, count < min {
            return GateResult(name: boundsGate, passed: false, reason: "\(count) is below the min \(min) of \(resourceId) (max \(target.maxCapacity.map(String.init) ?? "?"))")
        }
        if let max = target.maxCapacity, count > max {
            return GateResult(name: boundsGate, passed: false, reason: "\(count) is above the max \(max) of \(resourceId) (min \(target.minCapacity.map(String.init) ?? "?"))")
        }
        return GateResult(name: boundsGate, passed: true, reason: "\(count) is within \(boundsText(target))")
    }

    package static func boundsText(_ target: ApplicationAutoScalingScalableTarget) -> String {
        "min \(target.minCapacity.map(String.init) ?? "?"), max \(target.maxCapacity.map(String.init) ?? "?")"
    }

    /// Whether Application Auto Scaling still moves the count by itself (not when both directions are suspended).
    package var targetScales: Bool {
        guard let target else { return false }
        let suspended = target.suspendedState
        return !(suspended?.dynamicScalingInSuspended == true && suspended?.dynamicScalingOutSuspended == true
            && suspended?.scheduledScalingSuspended == true)
    }

    package var nothingToDo: String {
        "\(environment)/\(service) already wants \(desired) task(s) (\(running) running, \(pending) pending); nothing to do"
    }

    package func render() -> String {
        let scaling: String
        if let target {
            scaling = "auto scaling: \(Self.boundsText(target))"
        } else if targetError != nil {
            scaling = "auto scaling bounds unknown"
        } else {
            scaling = "no auto scaling target"
        }
        var lines = ["scale \(service) in \(environment): desired \(desired) → \(count) (\(scaling))",
                     "  now \(running) running, \(pending) pending"]
        guard changes else { return (lines + ["  " + nothingToDo]).joined(separator: "\n") }
        if count == 0 { lines.append("  0 stops every task of \(service): it serves nothing until scaled up again") }
        if targetScales {
            lines.append("  Application Auto Scaling may change it back within its cooldown")
            lines.append("  (to keep a count there, change the target's min and max)")
        }
        lines.append("  API calls:")
        for (offset, call) in calls.enumerated() { lines.append("    \(offset + 1). \(call.summary)") }
        return lines.joined(separator: "\n")
    }
}
