import AWSClient
import Foundation

/// Polls one environment until cancelled: never two polls at once, then waits per the cadence or until
/// `refreshNow`. A failure keeps the last good snapshot (the store marks it stale) and backs off.
actor EnvironmentPoller {
    let name: String
    private let fetch: @Sendable (Date) async throws -> EnvironmentSnapshot
    private let cadence: PollCadence
    private let clock: any AWSClock
    private let emit: @Sendable (FleetEvent) -> Void
    private let wake = WakeSignal()
    private var consecutiveFailures = 0
    private var lastWasBusy = false
    private var actionRunning = false
    private(set) var pollsInFlight = 0
    private(set) var maxPollsInFlight = 0
    private(set) var pollCount = 0

    init(name: String, cadence: PollCadence, clock: any AWSClock,
         fetch: @escaping @Sendable (Date) async throws -> EnvironmentSnapshot, emit: @escaping @Sendable (FleetEvent) -> Void) {
        self.name = name
        self.cadence = cadence
        self.clock = clock
        self.fetch = fetch
        self.emit = emit
    }

    func run() async {
        while !Task.isCancelled {
            await pollOnce()
            let delay = cadence.delay(consecutiveFailures: consecutiveFailures, busy: lastWasBusy || actionRunning)
            await wake.wait(atMost: delay, clock: clock)
        }
    }

    /// One poll; the loop calls it, and `ecsdash status` could too.
    func pollOnce() async {
        pollsInFlight += 1
        maxPollsInFlight = max(maxPollsInFlight, pollsInFlight)
        defer { pollsInFlight -= 1 }
        let started = clock.now()
        emit(.pollStarted(environment: name, at: started))
        do {
            let snapshot = try await fetch(started)
            consecutiveFailures = 0
            lastWasBusy = snapshot.isDeploying
            emit(.environmentFetched(snapshot))
        } catch is CancellationError {
            return
        } catch {
            consecutiveFailures += 1
            emit(.environmentFailed(environment: name, error: SnapshotMapper.fetchError(error, operation: "poll \(name)", at: clock.now())))
        }
        pollCount += 1
    }

    func refreshNow() async { await wake.wake() }

    /// While an action runs on this environment, poll at the fast cadence.
    func setActionRunning(_ running: Bool) async {
        actionRunning = running
        if running { await wake.wake() }
    }

    var failures: Int { consecutiveFailures }
}
