/// Where a simulated resource lives: environment, account, region and cluster, and the world's knobs.
struct SimulatedPlace: Sendable {
    var environment: String
    var environmentIndex: Int
    var account: String
    var region: String
    var clusterName: String
    var seed: UInt64

    var clusterArn: String { "arn:aws:ecs:\(region):\(account):cluster/\(clusterName)" }
}

/// Settings that may change while the world runs (tests turn crashes off to keep rollouts predictable).
struct SimulatedSettings: Sendable {
    /// The mean time between out-of-memory crashes of one running task; nil turns crashes off.
    var crashMeanSeconds: Double? = 8 * 3600
}
