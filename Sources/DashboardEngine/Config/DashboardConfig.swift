import AWSClient
import DashboardModel
import Foundation

/// The validated config: which accounts, clusters and services ecsdash watches, and how it reaches them.
package struct DashboardConfig: Equatable, Sendable {
    package var file: String?
    package var region: String?
    package var profile: String?
    package var endpointURL: String?
    package var refresh: TimeInterval = 10
    /// How long a problem stays on screen after it happened, and when a rollout counts as stuck.
    package var problemRules = ProblemRules.standard
    /// Seconds to connect to AWS, and for a whole call (its reply included), before it counts as failed.
    package var connectTimeout = TransportSettings.defaultConnectTimeout
    package var requestTimeout = TransportSettings.defaultRequestTimeout
    package var theme: String = "default"
    package var readOnly = false
    package var auditLog: String?
    package var registry: AccountConfig?
    package var pipelines: [String] = []
    package var environments: [EnvironmentConfig] = []
    package var keys: [String: String] = [:]
    /// How long a build must have run healthy in the source before it may be promoted (`gates.soak`).
    package var soak: TimeInterval = 0
    /// Where each value came from (`ecsdash.yaml:4:10`, `default`), by key path, for `ecsdash config`.
    package var sources: [String: String] = [:]

    package func environment(named name: String) -> EnvironmentConfig? {
        environments.first { $0.name == name }
    }
}

/// How to reach one AWS account: its id, region, and the role or profile to use for reading and for actions.
package struct AccountConfig: Equatable, Sendable {
    package var account: String
    package var region: String?
    package var roleArn: String?
    package var profile: String?
    package var deployRoleArn: String?
}

/// One environment: an account with its ECS cluster, in promotion order.
package struct EnvironmentConfig: Equatable, Sendable {
    package var name: String
    package var access: AccountConfig
    package var cluster: String
    package var services: [String]?
    package var pipelines: [String] = []
    package var isProtected = false
    /// No action may change this environment (`read_only: true` on it).
    package var readOnly = false
}
