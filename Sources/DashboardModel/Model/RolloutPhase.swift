/// Where a service's rollout stands as the screen and `status` name it: rolling, failed, degraded (fewer tasks
/// running than desired) or ok. One enum, so no view matches on words.
package enum RolloutPhase: String, Sendable, Equatable {
    case rolling
    case failed
    case degraded
    case ok

    package static func of(_ service: ServiceSnapshot) -> RolloutPhase {
        switch service.rolloutState {
        case .inProgress: return .rolling
        case .failed: return .failed
        case .completed: return service.running == service.desired ? .ok : .degraded
        default: return service.isDeploying ? .rolling : (service.running == service.desired ? .ok : .degraded)
        }
    }
}

extension ServiceSnapshot {
    package var rolloutPhase: RolloutPhase { RolloutPhase.of(self) }
}
