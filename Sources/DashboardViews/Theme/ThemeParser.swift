import DashboardModel
import Foundation
import Yams

/// Turns theme file text into a `Theme` by overlaying the keys it gives on a built-in theme; the first
/// problem found becomes a `ConfigError` naming the file, line, column and key.
package struct ThemeParser {
    package static let topLevelKeys: Set<String> = ["name", "description", "monochrome", "roles", "accents"]
    package static let styleKeys: Set<String> = ["fg", "bg", "bold", "underline", "reverse", "dim"]
    package static let roleKeys = Set(Theme.styledRoles.map(\.rawValue))
    /// Under `accents:`, this key sets the accent of environments the theme does not name.
    package static let defaultAccentKey = "default"

    package let reader: YAMLReader

    package init(file: String) {
        reader = YAMLReader(file: file)
    }

    /// Parses a theme called `name` (its file name without `.yaml`); a `name:` key must agree with it.
    package func parse(_ text: String, name: String) throws(ConfigError) -> Theme {
        let pairs = try reader.mapping(try compose(text), "", allowed: Self.topLevelKeys)
        let monochrome = try pairs.first { $0.key == "monochrome" }.map { pair throws(ConfigError) in try reader.bool(pair.value, pair.key) } ?? false
        // A monochrome file overlays the built-in mono theme, so the roles it leaves out still differ by
        // attribute rather than by colours that would be dropped.
        var theme = monochrome ? Theme.mono : Theme.default
        theme.name = name
        theme.description = ""
        for (key, _, value) in pairs {
            switch key {
            case "name":
                let declared = try reader.string(value, key)
                guard declared == name else {
                    throw reader.error(value, key, "is \(VisibleText.quoted(declared)) but the file is `\(name).yaml`; make them match or remove `name`")
                }
            case "description": theme.description = try reader.string(value, key)
            case "roles": try overlayRoles(value, key, on: &theme)
            case "accents": try overlayAccents(value, key, on: &theme)
            default: break
            }
        }
        return theme
    }

    private func overlayRoles(_ node: Node, _ path: String, on theme: inout Theme) throws(ConfigError) {
        for (key, keyNode, value) in try reader.mapping(node, path, allowed: Self.roleKeys) {
            guard let role = StyleRole(rawValue: key) else { throw reader.error(keyNode, "\(path).\(key)", "unknown role") }
            theme.roles[role] = try style(value, "\(path).\(key)", over: theme.style(of: role), monochrome: theme.monochrome)
        }
    }

    /// Accent keys are environment names, so any well-formed name is allowed.
    private func overlayAccents(_ node: Node, _ path: String, on theme: inout Theme) throws(ConfigError) {
        for (key, keyNode, value) in try reader.mapping(node, path, allowed: Self.scalarKeys(of: node)) {
            let keyPath = "\(path).\(key)"
            if key == Self.defaultAccentKey {
                theme.defaultAccent = try style(value, keyPath, over: theme.defaultAccent, monochrome: theme.monochrome)
                continue
            }
            guard key.range(of: "^[A-Za-z0-9][A-Za-z0-9_-]*$", options: .regularExpression) != nil else {
                throw reader.error(keyNode, keyPath, "\(VisibleText.quoted(key)) is not an environment name (letters, digits, - and _)")
            }
            // A new environment starts plain rather than from another accent, so the file says all it wants.
            theme.accents[key] = try style(value, keyPath, over: theme.accents[key] ?? ThemeStyle(), monochrome: theme.monochrome)
        }
    }

    /// Overlays the keys given on `base`, leaving the rest as they were.
    private func style(_ node: Node, _ path: String, over base: ThemeStyle, monochrome: Bool) throws(ConfigError) -> ThemeStyle {
        var style = base
        for (key, _, value) in try reader.mapping(node, path, allowed: Self.styleKeys) {
            let keyPath = "\(path).\(key)"
            switch key {
            case "fg", "bg":
                guard !monochrome else {
                    throw reader.error(value, keyPath, "a monochrome theme has no colours; remove `\(key)` or set `monochrome: false`")
                }
                let color = try color(value, keyPath)
                if key == "fg" { style.foreground = color } else { style.background = color }
            case "bold": style.bold = try reader.bool(value, keyPath)
            case "underline": style.underline = try reader.bool(value, keyPath)
            case "reverse": style.reverse = try reader.bool(value, keyPath)
            case "dim": style.dim = try reader.bool(value, keyPath)
            default: break
            }
        }
        return style
    }

    private func color(_ node: Node, _ path: String) throws(ConfigError) -> ThemeColor {
        // `fg: #ffaf00` unquoted is an empty value followed by a comment, which would otherwise read as
        // a puzzling "is empty".
        if case .scalar(let scalar) = node, scalar.string.isEmpty, scalar.style == .plain {
            throw reader.error(node, path, "is empty; quote hex colours (\"#ffaf00\") because an unquoted # starts a comment")
        }
        let text = try reader.string(node, path)
        guard let color = ThemeColor(parsing: text) else {
            var message = "\(VisibleText.quoted(text)) is not a colour (a name, 0-255 or #rrggbb)"
            if let suggestion = YAMLReader.closest(to: text.lowercased(), in: Set(ThemeColor.names)) {
                message += "; did you mean `\(suggestion)`?"
            }
            throw reader.error(node, path, message)
        }
        return color
    }

    private func compose(_ text: String) throws(ConfigError) -> Node {
        guard let composed = try reader.compose(text) else { throw reader.error(nil, "", "the file is empty; see themes/default.yaml for every key") }
        return composed
    }

    /// The plain keys of a mapping (empty for anything else, which `YAMLReader.mapping` then reports).
    private static func scalarKeys(of node: Node) -> Set<String> {
        guard case .mapping(let mapping) = node else { return [] }
        return Set(mapping.keys.compactMap { key in
            if case .scalar(let scalar) = key { return scalar.string }
            return nil
        })
    }
}
