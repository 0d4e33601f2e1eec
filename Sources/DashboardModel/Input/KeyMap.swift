import Foundation

/// The key table: defaults as data, overlaid by the config's `keys:` section; the footer and `?` help
/// are generated from it, so what is documented is what works.
package struct KeyMap: Equatable, Sendable {
    package private(set) var bindings: [KeyBinding]

    package static let defaults: [KeyBinding] = [
        KeyBinding(command: .up, keys: [.up, .character("k")], help: "move up", inFooter: false),
        KeyBinding(command: .down, keys: [.down, .character("j")], help: "move down", inFooter: false),
        KeyBinding(command: .left, keys: [.left, .character("h")], help: "previous environment", inFooter: false),
        KeyBinding(command: .right, keys: [.right, .character("l")], help: "next environment", inFooter: false),
        KeyBinding(command: .top, keys: [.character("g"), .home], help: "go to the top", inFooter: false),
        KeyBinding(command: .bottom, keys: [.character("G"), .end], help: "go to the bottom", inFooter: false),
        KeyBinding(command: .pageUp, keys: [.pageUp, .control("b")], help: "page up", inFooter: false),
        KeyBinding(command: .pageDown, keys: [.pageDown, .control("f")], help: "page down", inFooter: false),
        KeyBinding(command: .open, keys: [.enter], help: "open"),
        KeyBinding(command: .back, keys: [.escape], help: "back"),
        KeyBinding(command: .nextPane, keys: [.tab], help: "next pane", inFooter: false),
        KeyBinding(command: .filter, keys: [.character("/")], help: "filter"),
        KeyBinding(command: .commandLine, keys: [.character(":")], help: "command"),
        KeyBinding(command: .refresh, keys: [.character("R")], help: "refresh now"),
        KeyBinding(command: .logs, keys: [.character("L")], help: "logs"),
        KeyBinding(command: .describe, keys: [.character("d")], help: "describe"),
        KeyBinding(command: .taskDefinition, keys: [.character("t")], help: "task definition, readable", inFooter: false),
        KeyBinding(command: .taskDefinitionDiff, keys: [.character("D")], help: "task definition diff against the environment before", inFooter: false),
        KeyBinding(command: .promote, keys: [.character("p")], help: "promote to next env", dangerous: true),
        KeyBinding(command: .rollback, keys: [.character("r")], help: "roll back (choose a build)", dangerous: true),
        KeyBinding(command: .restart, keys: [.character("f")], help: "force new deployment", dangerous: true),
        KeyBinding(command: .scale, keys: [.character("s")], help: "scale (desired count)", dangerous: true),
        KeyBinding(command: .actions, keys: [.character("a")], help: "actions pane (plans, gates, progress)", inFooter: false),
        KeyBinding(command: .sortTasks, keys: [.character("S")], help: "service view: order tasks (listed, started, health, zone)", inFooter: false),
        KeyBinding(command: .toggleEvents, keys: [.character("e")], help: "service view: all events, scrolled with j/k (e again: back)", inFooter: false),
        KeyBinding(command: .toggleStopped, keys: [.character("x")], help: "service view: show or hide stopped tasks", inFooter: false),
        KeyBinding(command: .nextProblem, keys: [.character("!")], help: "next problem (failed, rolled back, crashed, stuck)", inFooter: false),
        KeyBinding(command: .help, keys: [.character("?")], help: "help"),
        KeyBinding(command: .quit, keys: [.character("q"), .control("c")], help: "quit"),
    ]

    /// A `keys:` entry that cannot be applied.
    package struct RemapError: Error, Equatable, CustomStringConvertible {
        package let message: String
        package var description: String { message }
    }

    package init(bindings: [KeyBinding] = KeyMap.defaults) {
        self.bindings = bindings
    }

    /// Commands whose keys a remap may not take: without them nobody can leave or find help.
    static let essential: Set<Command> = [.quit, .back, .help]

    /// Applies `command: key[,key…]` overrides; each replaces that command's keys.
    package init(overrides: [String: String]) throws {
        var bindings = KeyMap.defaults
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let command = Command(rawValue: name), let index = bindings.firstIndex(where: { $0.command == command }) else {
                throw RemapError(message: "keys.\(name): unknown command; known: \(Command.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var keys: [Key] = []
            for part in value.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let key = Key(name: part) else { throw RemapError(message: "keys.\(name): `\(part)` is not a key (like j, G, ctrl-r, enter, pgdn)") }
                keys.append(key)
            }
            bindings[index].keys = keys
        }
        // A key the config gives one command is taken from another command's defaults, so a key a later version
        // binds by default never breaks a config that already used it; quit, back and help always keep theirs.
        let overridden = Set(overrides.keys.compactMap(Command.init(rawValue:)))
        let claimed = Set(bindings.filter { overridden.contains($0.command) }.flatMap(\.keys))
        for index in bindings.indices where !overridden.contains(bindings[index].command) && !Self.essential.contains(bindings[index].command) {
            bindings[index].keys.removeAll { claimed.contains($0) }
        }
        self.bindings = bindings
        if let clash = duplicateKeys.first {
            throw RemapError(message: "keys: `\(clash)` is bound to more than one command")
        }
    }

    /// The command a key triggers, if any.
    package func command(for key: Key) -> Command? {
        bindings.first { $0.keys.contains(key) }?.command
    }

    package func binding(_ command: Command) -> KeyBinding? {
        bindings.first { $0.command == command }
    }

    /// Keys bound to more than one command (the table must have none).
    package var duplicateKeys: [Key] {
        var seen: Set<Key> = []
        var duplicates: [Key] = []
        for key in bindings.flatMap(\.keys) where !seen.insert(key).inserted {
            duplicates.append(key)
        }
        return duplicates
    }
}
