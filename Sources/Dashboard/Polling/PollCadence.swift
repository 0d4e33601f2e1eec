import Foundation

/// How long an environment waits before its next poll: the idle interval, a short one while something
/// is deploying, and a growing, jittered back-off after failures so a sick account is not hammered.
struct PollCadence: Sendable {
    var idle: TimeInterval
    var active: TimeInterval = 2
    var maxBackoff: TimeInterval = 300
    /// Returns a value in [0, 1); injected so tests can pin the jitter.
    var random: @Sendable () -> Double = { Double.random(in: 0..<1) }

    func delay(consecutiveFailures: Int, busy: Bool) -> TimeInterval {
        guard consecutiveFailures > 0 else { return busy ? min(active, idle) : idle }
        let ceiling = min(maxBackoff, idle * pow(2, Double(min(consecutiveFailures - 1, 20))))
        // "Equal jitter": never less than half the ceiling, so failures always slow polling down.
        return ceiling / 2 + ceiling / 2 * random()
    }
}
