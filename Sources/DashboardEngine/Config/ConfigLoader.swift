import AWSClient
import DashboardModel
import Foundation

/// Locates, reads and validates the config, reporting every failure as a `ConfigError`.
package struct ConfigLoader {
    package var locator = ConfigLocator()

    package init(locator: ConfigLocator = ConfigLocator()) {
        self.locator = locator
    }

    package func load(explicit: String?) throws(ConfigError) -> DashboardConfig {
        guard let location = locator.locate(explicit: explicit) else {
            throw ConfigError(file: "", line: nil, column: nil, key: "",
                              message: "no config found: pass --config PATH, set ECSDASH_CONFIG, create ./ecsdash.yaml or \(locator.configHome)/ecsdash/config.yaml (see ecsdash.example.yaml), or try --demo")
        }
        let text: String
        do {
            text = try UserFile.read(location.path)
        } catch {
            throw ConfigError(reading: error, what: "the config file (from \(location.origin))")
        }
        var config = try ConfigParser(file: location.path).parse(text)
        config.sources["file"] = location.origin
        if let auditLog = config.auditLog { config.auditLog = locator.expand(auditLog) }
        return config
    }
}
