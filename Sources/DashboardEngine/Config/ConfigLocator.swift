import DashboardModel
import Foundation

/// Finds the config file: `--config PATH`, `$ECSDASH_CONFIG`, `./ecsdash.yaml`, then
/// `$XDG_CONFIG_HOME/ecsdash/config.yaml` (default `~/.config/ecsdash/config.yaml`).
package struct ConfigLocator {
    package var environment: [String: String] = ProcessInfo.processInfo.environment
    package var currentDirectory: String = FileManager.default.currentDirectoryPath
    package var fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }

    /// A found file and why it was chosen.
    package struct Location: Equatable {
        package let path: String
        package let origin: String
    }

    /// The file to load, or nil when no config exists anywhere. An explicit path is returned even when
    /// missing, so the loader can say so instead of silently falling back.
    package func locate(explicit: String?) -> Location? {
        if let explicit, !explicit.isEmpty { return Location(path: expand(explicit), origin: "--config") }
        if let variable = environment["ECSDASH_CONFIG"], !variable.isEmpty { return Location(path: expand(variable), origin: "$ECSDASH_CONFIG") }
        let local = (currentDirectory as NSString).appendingPathComponent("ecsdash.yaml")
        if fileExists(local) { return Location(path: local, origin: "./ecsdash.yaml") }
        let user = (configHome as NSString).appendingPathComponent("ecsdash/config.yaml")
        if fileExists(user) { return Location(path: user, origin: "$XDG_CONFIG_HOME/ecsdash/config.yaml") }
        return nil
    }

    package var configHome: String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg }
        return (home as NSString).appendingPathComponent(".config")
    }

    package var home: String { environment["HOME"] ?? NSHomeDirectory() }

    /// Expands a leading `~/`.
    package func expand(_ path: String) -> String {
        path.hasPrefix("~/") ? (home as NSString).appendingPathComponent(String(path.dropFirst(2))) : path
    }
}
