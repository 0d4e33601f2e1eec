import DashboardEngine
import DashboardModel

/// Renders a resolved config as text, each top-level value with its origin (`file:line` or `default`).
package enum ConfigReport {
    /// `demoWorld` is the demo world's file when `config` is the built-in demo config, which no file holds.
    package static func render(_ config: DashboardConfig, demoWorld: String? = nil) -> String {
        func origin(_ key: String) -> String { config.sources[key] ?? "default" }
        var lines = [demoWorld.map { "config file: none: the demo's built-in config (--demo); its world is kept in \($0)" }
            ?? "config file: \(config.file ?? "-") (found via \(config.sources["file"] ?? "-"))"]
        let values: [(String, String)] = [
            ("region", config.region ?? "(from AWS_REGION / the profile)"),
            ("profile", config.profile ?? "(standard credential chain)"),
            ("endpoint_url", config.endpointURL ?? "(AWS)"),
            ("refresh", Duration.format(config.refresh)),
            ("theme", config.theme),
            ("read_only", config.readOnly ? "true" : "false"),
            ("audit_log", config.auditLog ?? "(default: $XDG_STATE_HOME/ecsdash/audit.jsonl)"),
            ("pipelines", config.pipelines.isEmpty ? "(none)" : config.pipelines.joined(separator: ", ")),
        ]
        for (key, value) in values {
            lines.append("\(key.padding(toLength: 13, withPad: " ", startingAt: 0)) \(value.padding(toLength: 44, withPad: " ", startingAt: 0)) [\(origin(key))]")
        }
        if let registry = config.registry {
            lines.append("registry      [\(origin("registry"))]")
            lines.append(contentsOf: describe(registry, indent: "  "))
        } else {
            lines.append("registry      (none: images and promotion need it)")
        }
        lines.append("environments  (promotion order) [\(origin("environments"))]")
        for (index, environment) in config.environments.enumerated() {
            let next = index + 1 < config.environments.count ? " → \(config.environments[index + 1].name)" : ""
            lines.append("  \(environment.name)\(environment.isProtected ? " (protected)" : "")\(next)")
            lines.append("    cluster         \(environment.cluster)")
            lines.append("    services        \(environment.services?.joined(separator: ", ") ?? "(every service in the cluster)")")
            if !environment.pipelines.isEmpty { lines.append("    pipelines       \(environment.pipelines.joined(separator: ", "))") }
            lines.append(contentsOf: describe(environment.access, indent: "    "))
        }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ account: AccountConfig, indent: String) -> [String] {
        var lines = ["\(indent)account         \(account.account)"]
        if let region = account.region { lines.append("\(indent)region          \(region)") }
        if let role = account.roleArn { lines.append("\(indent)read role       \(role)") }
        if let profile = account.profile { lines.append("\(indent)profile         \(profile)") }
        if account.roleArn == nil && account.profile == nil { lines.append("\(indent)read as         the base identity") }
        lines.append("\(indent)deploy role     \(account.deployRoleArn ?? "(none: actions disabled here)")")
        return lines
    }
}
