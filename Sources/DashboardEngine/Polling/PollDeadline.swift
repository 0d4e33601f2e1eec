import AWSClient
import DashboardModel
import Foundation

/// The most one poll of an environment (or of the registry) may take, retries included: past it the poll
/// counts as failed, naming what it was still waiting for, and the poller carries on at its next tick while
/// the abandoned requests are cancelled.
package struct PollDeadline: Sendable {
    package var seconds: TimeInterval

    /// Twice the whole-request deadline: room for one retry of a request that ran to its limit.
    package init(requestTimeout: TimeInterval) {
        seconds = max(5, 2 * requestTimeout)
    }

    package init(seconds: TimeInterval) {
        self.seconds = seconds
    }

    package func run<T: Sendable>(_ subject: String, clock: any AWSClock, waitingOn inFlight: @escaping @Sendable () -> [String],
                          _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let seconds = self.seconds
        return try await TimeLimit.run(seconds: seconds, clock: clock, onTimeout: {
            PollTimeout(subject: subject, seconds: seconds, waitingOn: inFlight())
        }, operation)
    }
}

/// A poll that ran out of time, with the operations it was still waiting for.
package struct PollTimeout: Error, CustomStringConvertible {
    package var subject: String
    package var seconds: TimeInterval
    package var waitingOn: [String]

    package var description: String {
        "\(subject) did not finish within \(Duration.format(seconds))" + (waitingOn.isEmpty ? "" : "; still waiting on \(waitingOn.joined(separator: ", "))")
    }
}
