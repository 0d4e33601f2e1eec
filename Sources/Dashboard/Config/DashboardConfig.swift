import AWSClient
import Foundation

/// The validated config: which accounts, clusters and services ecsdash watches, and how it reaches them.
struct DashboardConfig: Equatable, Sendable {
    var file: String?
    var region: String?
    var profile: String?
    var endpointURL: String?
    var refresh: TimeInterval = 10
    /// Seconds to connect to AWS, and for a whole call (its reply included), before it counts as failed.
    var connectTimeout = TransportSettings.defaultConnectTimeout
    var requestTimeout = TransportSettings.defaultRequestTimeout
    var theme: String = "default"
    var readOnly = false
    var auditLog: String?
    var registry: AccountConfig?
    var pipelines: [String] = []
    var environments: [EnvironmentConfig] = []
    var keys: [String: String] = [:]
    /// How long a build must have run healthy in the source before it may be promoted (`gates.soak`).
    var soak: TimeInterval = 0
    /// Where each value came from (`ecsdash.yaml:4:10`, `default`), by key path, for `ecsdash config`.
    var sources: [String: String] = [:]

    func environment(named name: String) -> EnvironmentConfig? {
        environments.first { $0.name == name }
    }
}

/// How to reach one AWS account: its id, region, and the role or profile to use for reading and for actions.
struct AccountConfig: Equatable, Sendable {
    var account: String
    var region: String?
    var roleArn: String?
    var profile: String?
    var deployRoleArn: String?
}

/// One environment: an account with its ECS cluster, in promotion order.
struct EnvironmentConfig: Equatable, Sendable {
    var name: String
    var access: AccountConfig
    var cluster: String
    var services: [String]?
    var pipelines: [String] = []
    var isProtected = false
    /// No action may change this environment (`read_only: true` on it).
    var readOnly = false
}
