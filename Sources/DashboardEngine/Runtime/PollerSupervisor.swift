import AWSClient
import DashboardModel
import Foundation

/// Starts one poller per environment, stops them, and retunes them while they run: the refresh interval
/// (`:refresh`), the fast cadence while an action runs on an environment, and refresh-now.
package final class PollerSupervisor: @unchecked Sendable {
    private let clock: any AWSClock
    private let deadline: PollDeadline
    private let credentials: CredentialExpiryWatch
    private let post: @Sendable (AppEvent) -> Void
    private let lock = NSLock()
    private var pollers: [String: EnvironmentPoller] = [:]
    private var tasks: [Task<Void, Never>] = []
    private var refresh: TimeInterval
    /// Actions running per environment: two actions on two services of one environment may overlap.
    private var actions: [String: Int] = [:]

    /// `post` receives the pollers' reports and the credential checks that follow each poll.
    package init(clock: any AWSClock, deadline: PollDeadline, refresh: TimeInterval, credentials: CredentialExpiryWatch,
                 post: @escaping @Sendable (AppEvent) -> Void) {
        self.clock = clock
        self.deadline = deadline
        self.refresh = refresh
        self.credentials = credentials
        self.post = post
    }

    package func start(_ fetchers: [EnvironmentFetcher]) {
        for fetcher in fetchers { start(fetcher) }
    }

    package func stop() {
        for task in lock.withLock({ tasks }) { task.cancel() }
    }

    private func start(_ fetcher: EnvironmentFetcher) {
        let (post, credentials) = (self.post, self.credentials)
        let name = fetcher.environment.name
        let poller = EnvironmentPoller(
            name: name, cadence: PollCadence(idle: lock.withLock { refresh }), clock: clock, deadline: deadline,
            inFlight: { fetcher.counter.inFlight },
            fetch: { now in
                // The keys are checked after every poll, failed ones too: an expired token is when the warning matters.
                let checkKeys = { @Sendable in
                    if let checked = await credentials.check(name, credentials: fetcher.context.credentials) { post(checked) }
                }
                do {
                    let snapshot = try await fetcher.fetch(now: now)
                    await checkKeys()
                    return snapshot
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    await checkKeys()
                    throw error
                }
            },
            emit: { post(.fleet($0)) }
        )
        let task = Task { await poller.run() }
        lock.withLock {
            pollers[name] = poller
            tasks.append(task)
        }
    }

    /// Polls `environment` (every one when nil) now.
    package func refreshNow(_ environment: String?) async {
        for poller in select(environment) { await poller.refreshNow() }
    }

    /// The new idle interval for every environment.
    package func setRefresh(_ seconds: TimeInterval) async {
        let all = lock.withLock { () -> [EnvironmentPoller] in
            refresh = seconds
            return Array(pollers.values)
        }
        for poller in all { await poller.setIdle(seconds) }
    }

    /// Counts actions on `environment`; its poller keeps the fast cadence while any runs.
    package func setActionRunning(_ environment: String, _ running: Bool) async {
        let (before, after) = lock.withLock { () -> (Int, Int) in
            let before = actions[environment] ?? 0
            let after = max(0, before + (running ? 1 : -1))
            actions[environment] = after == 0 ? nil : after
            return (before, after)
        }
        guard (before == 0) != (after == 0) else { return }
        for poller in select(environment) { await poller.setActionRunning(after > 0) }
    }

    private func select(_ environment: String?) -> [EnvironmentPoller] {
        lock.withLock { environment.map { pollers[$0].map { [$0] } ?? [] } ?? Array(pollers.values) }
    }
}
