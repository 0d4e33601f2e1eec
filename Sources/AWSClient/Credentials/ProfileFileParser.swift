/// Parses the text of an AWS config or credentials file into sections, following the AWS CLI's rules.
///
/// Messages never quote the offending line: a malformed line in a credentials file may hold a secret.
struct ProfileFileParser {
    /// The config file prefixes profile headers with `profile `; the credentials file does not.
    enum FileKind: Sendable {
        case config
        case credentials
    }

    var kind: FileKind
    /// Used only in error messages.
    var fileName: String

    /// The sections in file order; a header repeated in the same file is merged, later keys winning.
    func parse(_ text: String) throws(ProfileFileError) -> [ProfileSection] {
        var sections: [ProfileSection] = []
        var current: Int?
        var lastKey: String?
        // "\r\n" is a single Character in Swift, so split on any newline rather than on "\n".
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = index + 1
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || Self.isComment(trimmed) { continue }
            if let section = current, let key = lastKey, line.first?.isWhitespace == true {
                try continueProperty(key, with: trimmed, in: &sections[section], line: lineNumber)
                continue
            }
            if trimmed.hasPrefix("[") {
                let header = try parseHeader(trimmed, line: lineNumber)
                if let existing = sections.firstIndex(where: { $0.kind == header.kind && $0.name == header.name }) {
                    current = existing
                } else {
                    sections.append(header)
                    current = sections.count - 1
                }
                lastKey = nil
                continue
            }
            guard let section = current else {
                throw error(line: lineNumber, "a property appears before any [section] header")
            }
            let (key, value) = try parseProperty(trimmed, line: lineNumber)
            sections[section].properties[key] = value
            lastKey = key
        }
        return sections
    }

    /// An indented line after a property: a sub-property when that property's value was empty,
    /// otherwise a continuation of its value, as the CLI's configparser treats it.
    private func continueProperty(_ key: String, with text: Substring, in section: inout ProfileSection, line: Int) throws(ProfileFileError) {
        if section.properties[key, default: ""].isEmpty {
            let (subKey, value) = try parseProperty(text, line: line)
            section.subProperties[key, default: [:]][subKey] = value
        } else {
            section.properties[key, default: ""] += "\n" + Self.stripInlineComment(text)
        }
    }

    private func parseHeader(_ text: Substring, line: Int) throws(ProfileFileError) -> ProfileSection {
        guard let close = text.firstIndex(of: "]") else {
            throw error(line: line, "a section header is missing its closing ']'")
        }
        let trailing = text[text.index(after: close)...].trimmingWhitespace()
        guard trailing.isEmpty || Self.isComment(trailing) else {
            throw error(line: line, "unexpected text after a section header's ']'")
        }
        let name = text[text.index(after: text.startIndex)..<close].trimmingWhitespace()
        guard !name.isEmpty else { throw error(line: line, "a section header has no name") }
        return classify(String(name))
    }

    private func parseProperty(_ text: Substring, line: Int) throws(ProfileFileError) -> (key: String, value: String) {
        guard let equals = text.firstIndex(of: "=") else {
            throw error(line: line, "expected 'key = value'")
        }
        let key = text[..<equals].trimmingWhitespace()
        guard !key.isEmpty else { throw error(line: line, "a property has no name before '='") }
        guard !key.contains(where: \.isWhitespace) else { throw error(line: line, "a property name contains spaces") }
        let value = Self.stripInlineComment(text[text.index(after: equals)...])
        return (key.lowercased(), value)
    }

    /// Maps a header's text to a section kind and name, per file kind.
    func classify(_ header: String) -> ProfileSection {
        guard kind == .config else { return ProfileSection(kind: .profile, name: header) }
        if header == "default" { return ProfileSection(kind: .profile, name: "default") }
        let words = header.split(maxSplits: 1, whereSeparator: \.isWhitespace)
        guard words.count == 2 else { return ProfileSection(kind: .other, name: header) }
        let name = String(words[1].trimmingWhitespace())
        switch words[0] {
        case "profile": return ProfileSection(kind: .profile, name: name)
        case "sso-session": return ProfileSection(kind: .ssoSession, name: name)
        case "services": return ProfileSection(kind: .services, name: name)
        default: return ProfileSection(kind: .other, name: header)
        }
    }

    private static func isComment(_ text: Substring) -> Bool {
        text.first == "#" || text.first == ";"
    }

    /// Drops a `#` or `;` comment only when whitespace precedes it, so `a#b` and URLs with `;` survive.
    static func stripInlineComment(_ text: Substring) -> String {
        var previous: Character = " "
        for index in text.indices {
            let character = text[index]
            if (character == "#" || character == ";") && previous.isWhitespace && index != text.startIndex {
                return String(text[..<index].trimmingWhitespace())
            }
            previous = character
        }
        return String(text.trimmingWhitespace())
    }

    private func error(line: Int, _ message: String) -> ProfileFileError {
        ProfileFileError(file: fileName, line: line, message: message)
    }
}

extension StringProtocol {
    /// Trims spaces and tabs without Foundation.
    fileprivate func trimmingWhitespace() -> SubSequence {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return self[endIndex...] }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return self[first...last]
    }
}
