import ArgumentParser

/// `--config` plus the AWS overrides, for every command that reads the config.
struct ConfigOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "Config file (default: $ECSDASH_CONFIG, ./ecsdash.yaml, ~/.config/ecsdash/config.yaml).")
    var path: String?

    @OptionGroup var aws: AWSOptions

    func load() throws -> DashboardConfig {
        try Self.load(path: path)
    }

    func fleetAccess(_ config: DashboardConfig) throws -> FleetAccess {
        try Self.fleetAccess(config, aws: aws)
    }

    /// Loads and validates the config; a bad file becomes one message and exit code 2.
    static func load(path: String?) throws -> DashboardConfig {
        do {
            return try ConfigLoader().load(explicit: path)
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: .usage)
        }
    }

    static func fleetAccess(_ config: DashboardConfig, aws: AWSOptions) throws -> FleetAccess {
        do {
            return try FleetAccess(config: config, overrides: aws)
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: .usage)
        }
    }
}
