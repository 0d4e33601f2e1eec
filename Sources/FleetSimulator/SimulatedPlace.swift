/// Where a simulated resource lives: environment, account, region and cluster, and the world's knobs.
package struct SimulatedPlace: Sendable {
    package var environment: String
    package var environmentIndex: Int
    package var account: String
    package var region: String
    package var clusterName: String
    package var seed: UInt64

    package var clusterArn: String { "arn:aws:ecs:\(region):\(account):cluster/\(clusterName)" }
}

/// Settings that may change while the world runs (tests turn crashes off to keep rollouts predictable).
package struct SimulatedSettings: Sendable {
    /// The mean time between out-of-memory crashes of one running task; nil turns crashes off.
    package var crashMeanSeconds: Double? = 8 * 3600
}
