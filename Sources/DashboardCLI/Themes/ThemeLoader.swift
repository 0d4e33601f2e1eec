import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import Foundation

/// Finds a theme by name — the user's themes first, then the shipped ones compiled into the binary — and reads it,
/// so every shipped theme works wherever the binary is copied, with no files beside it.
package struct ThemeLoader {
    package init() {}

    /// The theme called `name`; `NO_COLOR` (any value) selects `mono` whatever the name.
    package func load(name: String, environment: [String: String]) throws(ConfigError) -> Theme {
        let name = environment["NO_COLOR"] != nil ? "mono" : name
        guard Self.isValidName(name) else {
            throw ConfigError(file: "", line: nil, column: nil, key: "theme",
                              message: "\(VisibleText.quoted(name)) is not a theme name (letters, digits, ., - and _)")
        }
        if let file = locate(name, environment: environment) {
            return try read(file, name: name)
        }
        if let text = ShippedThemeFiles.texts[name] {
            return try ThemeParser(file: "\(name).yaml (built in)").parse(text, name: name)
        }
        if let builtIn = Theme.builtIn(named: name) { return builtIn }
        let available = availableThemes(environment: environment).joined(separator: ", ")
        throw ConfigError(file: "", line: nil, column: nil, key: "theme",
                          message: "no theme named `\(name)` (available: \(available)); add your own as \(userThemesDirectory(environment: environment).path)/\(name).yaml")
    }

    /// Every theme that `load` can find, sorted and without repeats.
    package func availableThemes(environment: [String: String]) -> [String] {
        let names = Self.themeNames(in: userThemesDirectory(environment: environment)) + ShippedThemeFiles.texts.keys
            + [Theme.default.name, Theme.mono.name]
        return Set(names).sorted()
    }

    /// `$XDG_CONFIG_HOME/ecsdash/themes`, by default `~/.config/ecsdash/themes`.
    package func userThemesDirectory(environment: [String: String]) -> URL {
        let configHome: URL
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            configHome = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            configHome = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".config", isDirectory: true)
        }
        return configHome.appendingPathComponent("ecsdash/themes", isDirectory: true)
    }

    /// The user's file for `name`, which overrides a shipped theme of the same name.
    package func locate(_ name: String, environment: [String: String]) -> URL? {
        let file = userThemesDirectory(environment: environment).appendingPathComponent("\(name).yaml")
        return FileManager.default.fileExists(atPath: file.path) ? file : nil
    }

    private func read(_ file: URL, name: String) throws(ConfigError) -> Theme {
        let path = Self.displayPath(file.path, currentDirectory: FileManager.default.currentDirectoryPath)
        let text: String
        do {
            text = try UserFile.read(file.path)
        } catch {
            throw ConfigError(reading: error, file: path, what: "the theme file")
        }
        return try ThemeParser(file: path).parse(text, name: name)
    }

    /// Names are file names, so nothing that could climb out of the themes directory.
    package static func isValidName(_ name: String) -> Bool {
        name.range(of: "^[A-Za-z0-9][A-Za-z0-9._-]*$", options: .regularExpression) != nil
    }

    /// The `.yaml` files in a directory, as theme names.
    package static func themeNames(in directory: URL) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }.filter(isValidName)
    }

    /// Paths under the current directory are shown relative to it, as people type them.
    package static func displayPath(_ path: String, currentDirectory: String) -> String {
        let prefix = currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
