import AWSClient
import FleetSimulator
import Foundation

/// The config `--demo` runs with, for the simulated fleet's accounts and roles.
package enum DemoFleet {
    /// The config `--demo` runs with: the registry and four environments reached through read and deploy roles.
    package static func config(servicesPerEnvironment: Int = 5) -> DashboardConfig {
        func access(_ account: String) -> AccountConfig {
            AccountConfig(account: account, region: nil, roleArn: "arn:aws:iam::\(account):role/\(SimulatedFleet.readOnlyRoleName)", profile: nil,
                          deployRoleArn: "arn:aws:iam::\(account):role/\(SimulatedFleet.deployRoleName)")
        }
        var config = DashboardConfig(file: nil, region: SimulatedFleet.region, profile: nil, endpointURL: nil, refresh: 10)
        config.registry = access(SimulatedFleet.registryAccount)
        config.environments = SimulatedFleet.environmentNames.map { name in
            EnvironmentConfig(name: name, access: access(SimulatedFleet.environmentAccounts[name] ?? ""), cluster: "app-\(name)", services: nil,
                              pipelines: ["myapp-\(name)-deploy"], isProtected: name == "prod")
        }
        for key in ["region", "refresh", "registry", "environments"] { config.sources[key] = "--demo" }
        return config
    }
}
