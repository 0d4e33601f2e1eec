import Foundation

/// An environment as the UI and `status` see it: the last good snapshot (kept when a poll fails) and
/// the latest error, so a failing account shows stale data with its age rather than nothing.
struct EnvironmentState: Equatable, Sendable {
    var name: String
    var snapshot: EnvironmentSnapshot?
    var error: FetchError?
    var polling = false

    /// Older than this many idle intervals counts as stale.
    static let staleAfterIntervals = 3.0

    func age(now: Date) -> TimeInterval? {
        snapshot.map { now.timeIntervalSince($0.fetchedAt) }
    }

    func isStale(now: Date, refresh: TimeInterval) -> Bool {
        guard let age = age(now: now) else { return false }
        return error != nil || age > refresh * Self.staleAfterIntervals
    }

    var isThrottled: Bool { error?.kind == "throttling" }
}
