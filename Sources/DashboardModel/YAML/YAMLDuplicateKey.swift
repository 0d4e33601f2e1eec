import Yams

/// Finds where a key repeated in one YAML mapping repeats. Yams reports the first occurrence only (line 1,
/// column 1 for a repeated first key), but the repeat is the line to fix, and its key path is what to name.
///
/// libyaml is the authority on where mapping keys are, so rather than guess from indentation this renames the
/// first occurrence (one scalar becomes a private-use character, which keeps every position) and composes again:
/// the tree then holds both, and the repeat is the next key in the first one's mapping with the same name. A
/// document with several repeats is renamed one report at a time, a bounded number of times.
package enum YAMLDuplicateKey {
    /// The repeat's position and key path, and where the key first appeared.
    package struct Found: Equatable {
        package let point: YAMLPosition.Point
        package let path: String
        package let first: YAMLPosition.Point
    }

    /// Renames beyond this many are not worth the compose each costs; the caller then reports the first occurrence.
    package static let renameLimit = 16

    package static func locate(_ key: String, first: YAMLPosition.Point, in text: String) -> Found? {
        var edited = text
        // The name each renamed key had, by position.
        var renamed: [YAMLPosition.Point: String] = [:]
        var next = (point: first, key: key)
        for attempt in 0..<renameLimit {
            // Each rename its own character, so two renamed keys do not repeat each other.
            guard renamed.updateValue(next.key, forKey: next.point) == nil, let replacement = Unicode.Scalar(0xE000 + UInt32(attempt)),
                  let changed = rename(at: next.point, in: edited, to: replacement) else { return nil }
            edited = changed
            do {
                guard let root = try Yams.compose(yaml: edited) else { return nil }
                return find(key, after: first, renamed: renamed, in: root, path: "")
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                next = (YAMLPosition.Point(line: context.mark.line, column: context.mark.column), duplicates.first ?? "")
            } catch {
                return nil
            }
        }
        return nil
    }

    /// The text with the key starting at `point` renamed, or nil when no plain or quoted key starts there (an
    /// anchor, tag, alias or complex key does).
    package static func rename(at point: YAMLPosition.Point, in text: String, to replacement: Unicode.Scalar) -> String? {
        let scalars = text.unicodeScalars
        guard var index = YAMLPosition.index(of: point, in: text) else { return nil }
        let start = scalars[index]
        if start == "\"" || start == "'" {
            index = scalars.index(after: index)
            guard index < scalars.endIndex, scalars[index] != start else { return nil }
        } else if "&!*?{[|>".unicodeScalars.contains(start) {
            return nil
        }
        var result = String.UnicodeScalarView(scalars[..<index])
        result.append(replacement)
        result.append(contentsOf: scalars[scalars.index(after: index)...])
        return String(result)
    }

    private static func find(_ key: String, after first: YAMLPosition.Point, renamed: [YAMLPosition.Point: String],
                             in node: Node, path: String) -> Found? {
        func point(_ node: Node) -> YAMLPosition.Point? { node.mark.map { YAMLPosition.Point(line: $0.line, column: $0.column) } }
        func name(_ node: Node) -> String? { point(node).flatMap { renamed[$0] } ?? node.string }
        switch node {
        case .mapping(let mapping):
            let pairs = Array(mapping)
            if let index = pairs.firstIndex(where: { point($0.key) == first }) {
                guard let duplicate = pairs[(index + 1)...].first(where: { name($0.key) == key }), let at = point(duplicate.key) else { return nil }
                return Found(point: at, path: path.isEmpty ? key : "\(path).\(key)", first: first)
            }
            for (keyNode, value) in pairs {
                let keyName = name(keyNode) ?? "?"
                if let found = find(key, after: first, renamed: renamed, in: keyNode, path: path)
                    ?? find(key, after: first, renamed: renamed, in: value, path: path.isEmpty ? keyName : "\(path).\(keyName)") {
                    return found
                }
            }
            return nil
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                if let found = find(key, after: first, renamed: renamed, in: item, path: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            return nil
        }
    }
}
