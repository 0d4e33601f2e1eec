import DashboardModel

/// Which switches forbid changing AWS, and the words that name each one, so a refusal says what refused:
/// `--read-only` on the command line, `read_only: true` at the top of the config, or on one environment.
package struct ReadOnlyPolicy: Sendable, Equatable {
    /// `--read-only` was given.
    package var commandLine: Bool
    /// Where the config's top-level `read_only: true` is (`ecsdash.yaml:7`), when it is on.
    package var config: String?
    /// Environments marked `read_only: true`, with where.
    package var environments: [String: String]

    package init(commandLine: Bool, config: DashboardConfig) {
        self.commandLine = commandLine
        self.config = config.readOnly ? (config.sources["read_only"] ?? config.file ?? "the config") : nil
        environments = Dictionary(uniqueKeysWithValues: config.environments.filter(\.readOnly).map { ($0.name, config.file ?? "the config") })
    }

    /// Nothing may change anywhere.
    package var isGlobal: Bool { commandLine || config != nil }

    /// The switch that forbids changing `environment`, in words; nil when changes are allowed.
    package func refusal(for environment: String) -> String? {
        if commandLine { return "--read-only" }
        if let config { return "read_only: true (\(config))" }
        if let place = environments[environment] { return "read_only: true on environment \(environment) (\(place))" }
        return nil
    }
}
