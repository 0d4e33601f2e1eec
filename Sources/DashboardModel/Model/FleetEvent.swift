import Foundation

/// What the pollers report; the store's reducer folds these into the app state.
package enum FleetEvent: Sendable, Equatable {
    case pollStarted(environment: String, at: Date)
    case environmentFetched(EnvironmentSnapshot)
    case environmentFailed(environment: String, error: FetchError)
    case registryFetched(RegistrySnapshot)
}
