import DashboardModel
import Foundation

/// How long an environment waits before its next poll: the idle interval, a short one while something
/// is deploying, and after failures either the idle interval again (jittered, never longer: the calls already
/// retried, and on-call must see the account come back within an interval) or, while AWS is throttling the
/// account, a growing back-off so its shared rate budget is not spent by ecsdash.
package struct PollCadence: Sendable {
    package var idle: TimeInterval
    package var active: TimeInterval = 2
    package var maxBackoff: TimeInterval = 300
    /// Returns a value in [0, 1); injected so tests can pin the jitter.
    package var random: @Sendable () -> Double = { Double.random(in: 0..<1) }

    /// `consecutiveThrottles` counts the failed polls in a row that AWS throttled.
    package func delay(consecutiveFailures: Int, consecutiveThrottles: Int = 0, busy: Bool) -> TimeInterval {
        guard consecutiveFailures > 0 else { return busy ? min(active, idle) : idle }
        let ceiling = consecutiveThrottles > 0 ? min(maxBackoff, idle * pow(2, Double(min(consecutiveThrottles - 1, 20)))) : idle
        // "Equal jitter": never less than half the ceiling, so pollers of many laptops spread out.
        return ceiling / 2 + ceiling / 2 * random()
    }
}
