/// Config texts the config, error-reporting and duration tests build on.
package enum ConfigFixtures {
    /// The smallest valid config: one environment with its account and cluster.
    package static let minimal = """
    environments:
      - name: dev
        account: "222222222222"
        cluster: app-dev
    """
}
