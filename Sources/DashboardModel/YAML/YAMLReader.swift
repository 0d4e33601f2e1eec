import Yams

/// Reads typed values out of a composed YAML tree, turning every mismatch into a `ConfigError` that names
/// the file, line, column and key path.
package struct YAMLReader {
    package let file: String

    package init(file: String) {
        self.file = file
    }

    /// Composes a document, turning YAML syntax errors into located `ConfigError`s; nil for an empty file.
    package func compose(_ text: String) throws(ConfigError) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let yaml as YamlError {
            throw error(for: yaml, in: text)
        } catch {
            throw ConfigError(file: file, line: nil, column: nil, key: "", message: "YAML: \(type(of: error))")
        }
    }

    /// A Yams error as a located `ConfigError`. Yams' own descriptions carry the whole document (2 MB of stderr for
    /// a 2 MB file), so only the problem and position are taken from them.
    private func error(for yaml: YamlError, in text: String) -> ConfigError {
        if case .scanner(_, let problem, let mark, _) = yaml { return syntax(problem, line: mark.line, column: mark.column) }
        if case .parser(_, let problem, let mark, _) = yaml { return syntax(problem, line: mark.line, column: mark.column) }
        if case .composer(_, let problem, let mark, _) = yaml { return syntax(problem, line: mark.line, column: mark.column) }
        if case .reader(let problem, _, _, _) = yaml {
            // Yams gives the offset in Characters, and none when the character is part of a cluster; the reader
            // stops at the first scalar it does not allow, which is found again here in libyaml's own positions.
            guard let (point, scalar) = YAMLPosition.first(in: text, where: { !YAMLPosition.isAllowedInYAML($0) }) else {
                return syntax(problem, line: nil, column: nil)
            }
            return syntax("\(problem) (\(VisibleText.escaped(String(scalar), limit: 16)))", line: point.line, column: point.column)
        }
        if case .duplicatedKeysInMapping(let duplicates, let context) = yaml {
            let key = duplicates.first ?? ""
            let first = YAMLPosition.Point(line: context.mark.line, column: context.mark.column)
            guard let found = YAMLDuplicateKey.locate(key, first: first, in: text) else {
                return ConfigError(file: file, line: first.line, column: first.column, key: key, message: "appears more than once in this mapping; this is the first")
            }
            return ConfigError(file: file, line: found.point.line, column: found.point.column, key: found.path,
                               message: "appears twice (first at line \(first.line), column \(first.column))")
        }
        if case .memory = yaml { return syntax("out of memory", line: nil, column: nil) }
        // The rest (writer, emitter, representer, data decoding) come from emitting or from bytes, not from
        // composing a string.
        return syntax("the document could not be read", line: nil, column: nil)
    }

    private func syntax(_ problem: String, line: Int?, column: Int?) -> ConfigError {
        ConfigError(file: file, line: line, column: column, key: "", message: "YAML syntax: \(problem)")
    }

    package func error(_ node: Node?, _ path: String, _ message: String) -> ConfigError {
        ConfigError(file: file, line: node?.mark?.line, column: node?.mark?.column, key: path, message: message)
    }

    /// The pairs of a mapping, refusing keys outside `allowed` (with a suggestion when one is close).
    package func mapping(_ node: Node, _ path: String, allowed: Set<String>) throws(ConfigError) -> [(key: String, keyNode: Node, value: Node)] {
        guard case .mapping(let mapping) = node else {
            throw error(node, path, "expected a mapping of keys to values, found \(kind(node))")
        }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else { throw error(keyNode, path, "keys must be plain words") }
            let key = scalar.string
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            guard allowed.contains(key) else {
                var message = "unknown key"
                if let suggestion = YAMLReader.closest(to: key, in: allowed) { message += " (did you mean `\(suggestion)`?)" }
                throw error(keyNode, keyPath, message)
            }
            guard seen.insert(key).inserted else { throw error(keyNode, keyPath, "appears twice") }
            pairs.append((key, keyNode, value))
        }
        return pairs
    }

    package func string(_ node: Node, _ path: String) throws(ConfigError) -> String {
        guard case .scalar(let scalar) = node else {
            throw error(node, path, "expected a single value, found \(kind(node))")
        }
        guard !(scalar.string.isEmpty && scalar.style == .plain) || scalar.tag.description.hasSuffix("str") else {
            throw error(node, path, "is empty")
        }
        return scalar.string
    }

    package func bool(_ node: Node, _ path: String) throws(ConfigError) -> Bool {
        switch try string(node, path).lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(node, path, "expected true or false")
        }
    }

    /// A list of strings; a single value is read as a list of one.
    package func strings(_ node: Node, _ path: String) throws(ConfigError) -> [String] {
        switch node {
        case .sequence(let sequence):
            var values: [String] = []
            for (index, item) in sequence.enumerated() {
                values.append(try string(item, "\(path)[\(index)]"))
            }
            return values
        case .scalar:
            return [try string(node, path)]
        default:
            throw error(node, path, "expected a list of names, found \(kind(node))")
        }
    }

    package func sequence(_ node: Node, _ path: String) throws(ConfigError) -> [Node] {
        guard case .sequence(let sequence) = node else {
            throw error(node, path, "expected a list, found \(kind(node))")
        }
        return Array(sequence)
    }

    package func kind(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "the value \(VisibleText.quoted(scalar.string))"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        default: return "an alias"
        }
    }

    /// The allowed key nearest to a misspelt one (edit distance ≤ 2).
    package static func closest(to key: String, in allowed: Set<String>) -> String? {
        // Lengths more than 2 apart are more than 2 edits apart: skipping them keeps a huge key from costing seconds.
        let length = key.count
        let candidates = allowed.sorted().filter { abs($0.count - length) <= 2 }.map { (name: $0, distance: editDistance(key, $0)) }
        return candidates.filter { $0.distance <= 2 }.min { $0.distance < $1.distance }?.name
    }

    package static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [Int](repeating: 0, count: b.count + 1)
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
