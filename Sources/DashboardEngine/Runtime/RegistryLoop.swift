import AWSClient
import DashboardModel
import Foundation

/// Polls the shared registry for the repositories the environments use: it starts once the first environment names
/// one, then waits the refresh interval (backing off after errors), or less when a new repository appears, a refresh
/// is asked for, or the interval is shortened.
package final class RegistryLoop: @unchecked Sendable {
    private let fetcher: RegistryFetcher
    private let clock: any AWSClock
    private let deadline: PollDeadline
    private let post: @Sendable (FleetEvent) -> Void
    private let wakeSignal = WakeSignal()
    private let lock = NSLock()
    private var repositories: Set<String> = []
    private var refresh: TimeInterval
    private var task: Task<Void, Never>?

    package init(fetcher: RegistryFetcher, clock: any AWSClock, deadline: PollDeadline, refresh: TimeInterval,
                 post: @escaping @Sendable (FleetEvent) -> Void) {
        self.fetcher = fetcher
        self.clock = clock
        self.deadline = deadline
        self.refresh = refresh
        self.post = post
    }

    package func start() {
        let task = Task<Void, Never> { [weak self] in await self?.run() }
        lock.withLock { self.task = task }
    }

    package func stop() {
        lock.withLock { task }?.cancel()
    }

    package var interval: TimeInterval { lock.withLock { refresh } }

    /// Notes the repositories an environment's services use; a new one wakes the loop so its digests show up without
    /// waiting a whole interval.
    package func learn(_ snapshot: EnvironmentSnapshot) async {
        let names = Set(snapshot.services.compactMap { $0.image?.repository })
        let isNew = lock.withLock { () -> Bool in
            let before = repositories.count
            repositories.formUnion(names)
            return repositories.count > before
        }
        if isNew { await wakeSignal.wake() }
    }

    package func wake() async { await wakeSignal.wake() }

    /// A shorter interval applies now (the wait under way could be longer than the new one); a longer one from the
    /// next wait.
    package func setRefresh(_ seconds: TimeInterval) async {
        let shorter = lock.withLock { () -> Bool in
            defer { refresh = seconds }
            return seconds < refresh
        }
        if shorter { await wakeSignal.wake() }
    }

    package func run() async {
        var failures = 0
        await wakeSignal.wait()
        while !Task.isCancelled {
            let names = lock.withLock { Array(repositories) }
            let snapshot = await fetcher.fetch(repositories: names, now: clock.now(), deadline: deadline)
            post(.registryFetched(snapshot))
            failures = snapshot.errors.isEmpty ? 0 : failures + 1
            let delay = PollCadence(idle: interval).delay(consecutiveFailures: failures, busy: false)
            await wakeSignal.wait(atMost: delay, clock: clock)
        }
    }
}
