import Foundation

/// Keeps another provider's credentials and refreshes them before they expire, one refresh at a time.
///
/// Within `refreshMargin` of expiry, callers still get the current credentials while a refresh runs
/// in the background; once they have expired, callers wait for the refresh. Concurrent callers share
/// the one refresh in flight.
public actor CachingCredentialProvider: RefreshableCredentialProvider {
    let provider: any CredentialProvider
    let clock: any AWSClock
    let refreshMargin: TimeInterval
    /// After a background refresh fails, wait this long before trying again in the background,
    /// so a flaky source is not called on every request while the current keys still work.
    let backgroundRetryDelay: TimeInterval

    /// The cached credentials, kept outside the actor's isolation: every request asks for them, and while they
    /// are fresh that should not cost an actor hop (a thread switch when other requests hold the actor).
    private nonisolated let cache = LockedValue<Credentials?>(nil)
    private var cached: Credentials? {
        get { cache.withLock { $0 } }
        set { cache.withLock { $0 = newValue } }
    }
    private var refresh: Task<Credentials, any Error>?
    private var nextBackgroundAttempt: Date?

    public init(
        _ provider: any CredentialProvider,
        clock: any AWSClock = SystemClock(),
        refreshMargin: TimeInterval = 300,
        backgroundRetryDelay: TimeInterval = 30
    ) {
        self.provider = provider
        self.clock = clock
        self.refreshMargin = refreshMargin
        self.backgroundRetryDelay = backgroundRetryDelay
    }

    public nonisolated func credentials() async throws -> Credentials {
        if let fresh = cache.withLock({ $0 }), !fresh.expires(within: refreshMargin, of: clock.now()) { return fresh }
        return try await cachedOrRefreshed()
    }

    private func cachedOrRefreshed() async throws -> Credentials {
        let now = clock.now()
        if let cached, !cached.expires(within: 0, of: now) {
            if cached.expires(within: refreshMargin, of: now), mayRefreshInBackground(now: now) {
                _ = startRefresh(background: true)
            }
            return cached
        }
        return try await startRefresh(background: false).value
    }

    /// Credentials that last at least `seconds` if they can be had: renewed first when the cached ones expire sooner
    /// (earlier than `refreshMargin` would), and the cached ones kept while they work when renewing fails or was
    /// tried within `backgroundRetryDelay`. Lets a caller tell keys that will be renewed from keys about to run out.
    public func credentials(validFor seconds: TimeInterval) async throws -> Credentials {
        let now = clock.now()
        guard let current = cached, !current.expires(within: 0, of: now) else { return try await startRefresh(background: false).value }
        guard current.expires(within: seconds, of: now), mayRefreshInBackground(now: now) else { return current }
        do {
            let fresh = try await startRefresh(background: true).value
            // A source that hands back short keys again is asked no more often than after a failure.
            if fresh.expires(within: seconds, of: clock.now()) { nextBackgroundAttempt = clock.now().addingTimeInterval(backgroundRetryDelay) }
            return fresh
        } catch {
            return cached ?? current
        }
    }

    /// Forgets the cached credentials, for example after AWS rejects them.
    public func invalidate() {
        cached = nil
    }

    private func mayRefreshInBackground(now: Date) -> Bool {
        guard let nextBackgroundAttempt else { return true }
        return now >= nextBackgroundAttempt
    }

    /// Returns the refresh in flight, or starts one.
    private func startRefresh(background: Bool) -> Task<Credentials, any Error> {
        if let refresh { return refresh }
        let provider = self.provider
        let task = Task {
            do {
                let fresh = try await provider.credentials()
                self.finish(.success(fresh), background: background)
                return fresh
            } catch {
                self.finish(.failure(error), background: background)
                throw error
            }
        }
        refresh = task
        return task
    }

    private func finish(_ result: Result<Credentials, any Error>, background: Bool) {
        refresh = nil
        switch result {
        case .success(let fresh):
            cached = fresh
            nextBackgroundAttempt = nil
        case .failure:
            if background { nextBackgroundAttempt = clock.now().addingTimeInterval(backgroundRetryDelay) }
        }
    }
}
