import DashboardModel

/// Whether one target service already runs the digest its tag names, with the words that say how ECS showed it.
package struct RedeployVerdict: Sendable, Equatable {
    package enum State: Sendable, Equatable {
        /// A deployment using the digest reached ECS: it runs, or is rolling out.
        case runs
        /// No deployment using the digest reached ECS: the redeploy is still to be done.
        case behind
        /// A deployment using the digest reached ECS and ECS rolled it back: redeploying would only repeat that.
        case rolledBack
    }

    package var service: String
    package var state: State
    /// A clause about the environment, e.g. `prod still runs sha256:… (frontend)`.
    package var text: String
    /// The one digest ECS reports the service's tasks running, when there is exactly one.
    package var running: String?
}
