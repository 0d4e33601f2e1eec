import ArgumentParser
import DashboardEngine
import DashboardModel

/// `--config` plus the AWS overrides, for every command that reads the config.
package struct ConfigOptions: ParsableArguments {
    package init() {}

    @Option(name: .customLong("config"), help: "Config file (default: $ECSDASH_CONFIG, ./ecsdash.yaml, ~/.config/ecsdash/config.yaml).")
    package var path: String?

    @OptionGroup package var aws: AWSOptions

    /// Loads and validates the config; a bad file becomes one message and exit code 2.
    package func load() throws -> DashboardConfig {
        do {
            return try ConfigLoader().load(explicit: path)
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: .usage)
        }
    }

    package func fleetAccess(_ config: DashboardConfig) throws -> FleetAccess {
        do {
            return try FleetAccess(config: config, overrides: aws.overrides)
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: .usage)
        }
    }

    /// The fleet as the config describes it, on real AWS; a config or access problem is a usage error (exit 2).
    package func liveSetup() throws -> FleetSetup {
        let config = try load()
        let fleet = try fleetAccess(config)
        do {
            return try FleetSetup.live(config: config, fleet: fleet)
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: .usage)
        }
    }
}
