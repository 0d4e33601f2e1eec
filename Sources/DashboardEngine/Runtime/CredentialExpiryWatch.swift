import AWSClient
import DashboardModel
import Foundation

/// Learns when an environment's keys stop working. Keys close to expiry are renewed first, so what it reports
/// expiring within the warning margin are keys ecsdash could not renew (session keys from the environment, a
/// source identity that has run out), not role sessions it renews every hour anyway.
package struct CredentialExpiryWatch: Sendable {
    let clock: any AWSClock
    let margin: TimeInterval

    package init(clock: any AWSClock, margin: TimeInterval = AppState.credentialWarningMargin) {
        self.clock = clock
        self.margin = margin
    }

    /// The `credentialsChecked` event for `environment`; nil when no keys could be had at all (the poll's own
    /// error says why, and the last warning stands).
    package func check(_ environment: String, credentials provider: any CredentialProvider) async -> AppEvent? {
        let keys: Credentials
        do {
            if let caching = provider as? CachingCredentialProvider {
                keys = try await caching.credentials(validFor: margin)
            } else {
                keys = try await provider.credentials()
            }
        } catch {
            return nil
        }
        return .credentialsChecked(environment: environment, expiresAt: keys.expiration, at: clock.now())
    }
}
