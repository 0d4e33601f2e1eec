import Foundation

/// An environment as the UI and `status` see it: the last good snapshot (kept when a poll fails) and
/// the latest error, so a failing account shows stale data with its age rather than nothing.
package struct EnvironmentState: Equatable, Sendable {
    package var name: String
    package var snapshot: EnvironmentSnapshot?
    package var error: FetchError?
    package var polling = false

    /// Older than this many idle intervals counts as stale.
    package static let staleAfterIntervals = 3.0

    package func age(now: Date) -> TimeInterval? {
        snapshot.map { now.timeIntervalSince($0.fetchedAt) }
    }

    package func isStale(now: Date, refresh: TimeInterval) -> Bool {
        guard let age = age(now: now) else { return false }
        return error != nil || age > refresh * Self.staleAfterIntervals
    }

    package var isThrottled: Bool { error?.kind == "throttling" }
}
