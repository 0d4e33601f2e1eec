import Foundation

/// Locates, reads and validates the config, reporting every failure as a `ConfigError`.
struct ConfigLoader {
    var locator = ConfigLocator()

    func load(explicit: String?) throws(ConfigError) -> DashboardConfig {
        guard let location = locator.locate(explicit: explicit) else {
            throw ConfigError(file: "ecsdash", line: nil, column: nil, key: "",
                              message: "no config found: pass --config PATH, set ECSDASH_CONFIG, create ./ecsdash.yaml or \(locator.configHome)/ecsdash/config.yaml (see ecsdash.example.yaml), or try --demo")
        }
        let text: String
        do {
            text = try String(contentsOfFile: location.path, encoding: .utf8)
        } catch {
            throw ConfigError(file: location.path, line: nil, column: nil, key: "", message: "cannot read the config file (from \(location.origin)): \(error.localizedDescription)")
        }
        var config = try ConfigParser(file: location.path).parse(text)
        config.sources["file"] = location.origin
        if let auditLog = config.auditLog { config.auditLog = locator.expand(auditLog) }
        return config
    }
}
