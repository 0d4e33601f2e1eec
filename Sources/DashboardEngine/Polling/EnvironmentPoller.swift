import AWSClient
import DashboardModel
import Foundation

/// Polls one environment until cancelled: never two polls at once, then waits per the cadence or until
/// `refreshNow`. A failure keeps the last good snapshot (the store marks it stale) and backs off.
package actor EnvironmentPoller {
    package let name: String
    private let fetch: @Sendable (Date) async throws -> EnvironmentSnapshot
    private var cadence: PollCadence
    private let clock: any AWSClock
    private let emit: @Sendable (FleetEvent) -> Void
    private let wake = WakeSignal()
    private let deadline: PollDeadline?
    private let inFlight: @Sendable () -> [String]
    private var consecutiveFailures = 0
    private var consecutiveThrottles = 0
    private var lastWasBusy = false
    private var actionRunning = false
    package private(set) var pollsInFlight = 0
    package private(set) var maxPollsInFlight = 0
    package private(set) var pollCount = 0

    /// `deadline` bounds each poll; `inFlight` names the calls still waiting when it passes.
    package init(name: String, cadence: PollCadence, clock: any AWSClock, deadline: PollDeadline? = nil, inFlight: @escaping @Sendable () -> [String] = { [] },
         fetch: @escaping @Sendable (Date) async throws -> EnvironmentSnapshot, emit: @escaping @Sendable (FleetEvent) -> Void) {
        self.name = name
        self.deadline = deadline
        self.inFlight = inFlight
        self.cadence = cadence
        self.clock = clock
        self.fetch = fetch
        self.emit = emit
    }

    package func run() async {
        while !Task.isCancelled {
            await pollOnce()
            let delay = cadence.delay(consecutiveFailures: consecutiveFailures, consecutiveThrottles: consecutiveThrottles, busy: lastWasBusy || actionRunning)
            await wake.wait(atMost: delay, clock: clock)
        }
    }

    /// One poll; the loop calls it, and `ecsdash status` could too.
    package func pollOnce() async {
        pollsInFlight += 1
        maxPollsInFlight = max(maxPollsInFlight, pollsInFlight)
        defer { pollsInFlight -= 1 }
        let started = clock.now()
        emit(.pollStarted(environment: name, at: started))
        do {
            let fetch = self.fetch
            let snapshot: EnvironmentSnapshot
            if let deadline {
                snapshot = try await deadline.run("poll \(name)", clock: clock, waitingOn: inFlight) { try await fetch(started) }
            } else {
                snapshot = try await fetch(started)
            }
            consecutiveFailures = 0
            consecutiveThrottles = 0
            lastWasBusy = snapshot.isDeploying
            emit(.environmentFetched(snapshot))
        } catch is CancellationError {
            return
        } catch {
            let failure = SnapshotMapper.fetchError(error, operation: "poll \(name)", at: clock.now())
            consecutiveFailures += 1
            consecutiveThrottles = failure.kind == AWSErrorKind.throttling.rawValue ? consecutiveThrottles + 1 : 0
            emit(.environmentFailed(environment: name, error: failure))
        }
        pollCount += 1
    }

    package func refreshNow() async { await wake.wake() }

    /// While an action runs on this environment, poll at the fast cadence.
    package func setActionRunning(_ running: Bool) async {
        actionRunning = running
        if running { await wake.wake() }
    }

    /// A new idle interval (`:refresh`). A shorter one applies now, since the wait under way could outlast it; a
    /// longer one from the next wait.
    package func setIdle(_ seconds: TimeInterval) async {
        let shorter = seconds < cadence.idle
        cadence.idle = seconds
        if shorter { await wake.wake() }
    }

    package var failures: Int { consecutiveFailures }
}
