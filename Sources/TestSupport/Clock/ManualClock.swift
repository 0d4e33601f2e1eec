import AWSClient
import Foundation

/// A clock that only moves when told to; sleepers wake when `advance` passes their deadline.
package final class ManualClock: AWSClock, @unchecked Sendable {
    private struct Sleeper {
        let deadline: Date
        /// What the sleeper asked for, so cadence tests can read how long a loop chose to wait.
        let seconds: TimeInterval
        let continuation: CheckedContinuation<Void, Error>
    }

    private let lock = NSLock()
    private var current: Date
    private var sleepers: [UUID: Sleeper] = [:]
    private var totalSlept: TimeInterval = 0
    private let advancesOnSleep: Bool

    /// With `advancesOnSleep`, every `sleep` moves time forward by its duration at once (for retry and
    /// rate-limit tests that only care how long was waited); otherwise sleepers wait for `advance`.
    package init(now: Date = Date(timeIntervalSince1970: 1_700_000_000), advancesOnSleep: Bool = false) {
        current = now
        self.advancesOnSleep = advancesOnSleep
    }

    package func now() -> Date { lock.withLock { current } }

    /// Seconds requested by every `sleep` so far; retry and rate-limit tests read their delays from it.
    package var sleptSeconds: TimeInterval { lock.withLock { totalSlept } }

    /// How many tasks are waiting in `sleep` right now.
    package var sleeperCount: Int { lock.withLock { sleepers.count } }

    /// The durations the tasks sleeping right now asked for, shortest first.
    package var pendingSleeps: [TimeInterval] { lock.withLock { sleepers.values.map(\.seconds).sorted() } }

    package func sleep(seconds: TimeInterval) async throws {
        if advancesOnSleep {
            try Task.checkCancellation()
            lock.withLock {
                totalSlept += max(0, seconds)
                current = current.addingTimeInterval(max(0, seconds))
            }
            return
        }
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
                let ready: Bool = lock.withLock {
                    totalSlept += max(0, seconds)
                    if seconds <= 0 || Task.isCancelled { return true }
                    sleepers[id] = Sleeper(deadline: current.addingTimeInterval(seconds), seconds: seconds, continuation: continuation)
                    return false
                }
                if ready {
                    if Task.isCancelled { continuation.resume(throwing: CancellationError()) } else { continuation.resume() }
                }
            }
        } onCancel: {
            let sleeper = lock.withLock { sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward and wakes every sleeper whose deadline has come.
    package func advance(by seconds: TimeInterval) {
        let due: [Sleeper] = lock.withLock {
            current = current.addingTimeInterval(seconds)
            let ready = sleepers.filter { $0.value.deadline <= current }
            for key in ready.keys { sleepers.removeValue(forKey: key) }
            return ready.values.sorted { $0.deadline < $1.deadline }
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Waits (on real time, briefly) until `count` tasks are sleeping; lets tests step in lockstep.
    package func waitForSleepers(_ count: Int = 1, timeout: TimeInterval = 5) async {
        let deadline = Date().addingTimeInterval(timeout)
        while sleeperCount < count && Date() < deadline {
            await Task.yield()
            try? await Task.sleep(nanoseconds: 1_000_000)
        }
    }

    /// Waits (on real time, briefly) until the sleepers' requested durations satisfy `condition`; returns whether
    /// they did before `timeout`. Cadence tests wait for the wait a loop chose, not for time to pass.
    @discardableResult
    package func waitForSleeps(timeout: TimeInterval = 5, _ condition: ([TimeInterval]) -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition(pendingSleeps) {
            guard Date() < deadline else { return false }
            await Task.yield()
            try? await Task.sleep(nanoseconds: 1_000_000)
        }
        return true
    }
}
