import ArgumentParser

/// `--config` plus the AWS overrides, for every command that reads the config.
struct ConfigOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "Config file (default: $ECSDASH_CONFIG, ./ecsdash.yaml, ~/.config/ecsdash/config.yaml).")
    var path: String?

    @OptionGroup var aws: AWSOptions

    /// Loads and validates the config; a bad file becomes one message and exit code 2.
    func load() throws -> DashboardConfig {
        do {
            return try ConfigLoader().load(explicit: path)
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: .usage)
        }
    }

    func fleetAccess(_ config: DashboardConfig) throws -> FleetAccess {
        do {
            return try FleetAccess(config: config, overrides: aws)
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: .usage)
        }
    }
}
