import Foundation

/// Trouble a service had in one environment, remembered after ECS has recovered so on-call still sees it: a rollout
/// that failed or was rolled back, a task that crashed, a rollout that has stopped moving.
package struct ServiceProblem: Equatable, Sendable, Hashable {
    package enum Kind: Equatable, Sendable, Hashable {
        /// ECS's circuit breaker rolled the deployment back.
        case rolledBack
        /// The deployment failed and nothing replaced it.
        case failed
        /// A task stopped on its own: out of memory, an exit code, failed health checks, could not start.
        case crash(reason: String)
        /// The PRIMARY deployment has been in progress longer than the stuck threshold.
        case stuck
    }

    package var environment: String
    package var service: String
    package var kind: Kind
    /// When it happened (or began, for a stuck rollout).
    package var at: Date
    /// What makes two sightings the same problem: a deployment id, a task id.
    package var key: String
    /// ECS's words for it, for the service view and the status line.
    package var detail: String

    package init(environment: String, service: String, kind: Kind, at: Date, key: String, detail: String) {
        self.environment = environment
        self.service = service
        self.kind = kind
        self.at = at
        self.key = key
        self.detail = detail
    }

    /// Problems are remembered; a stuck rollout is shown only while it is still stuck.
    package var isRemembered: Bool { kind != .stuck }
}
