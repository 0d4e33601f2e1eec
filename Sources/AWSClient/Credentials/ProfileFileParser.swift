/// Parses the text of an AWS config or credentials file into its raw `[sections]`, with the rules of the
/// `configparser.RawConfigParser` botocore reads them with, so a file means here what it means to the AWS CLI.
///
/// Those rules: `=` or `:` separates a key from its value (the first one on the line); `#` and `;` start a comment
/// only at the start of a line, so `key = a # b` has the value `a # b`; keys are lower-cased, section names are
/// not; a header is everything between the `[` and the last `]` of its line, spaces included; a line indented
/// deeper than the key above it continues that key's value. Where configparser refuses a file (a repeated section
/// or key, a line with no separator, a key before any header) this parser refuses it too, naming the line.
/// Messages never quote the offending line: a malformed line in a credentials file may hold a secret.
struct ProfileFileParser {
    /// One `[header]` as written, before the config file's `profile ` prefixes are interpreted.
    struct RawSection: Equatable {
        var header: String
        var line: Int
        var properties: [String: String] = [:]
        var lines: [String: Int] = [:]
        /// Values that start on the line after their key: `s3 =` then indented `key = value` lines.
        var subProperties: [String: [String: String]] = [:]
    }

    /// Used only in error messages.
    var fileName: String

    /// The sections in file order.
    func parse(_ text: String) throws(ProfileFileError) -> [RawSection] {
        var sections: [RawSection] = []
        var valueLines: [String] = []
        var key: String?
        var indentLevel = 0
        for (index, line) in Self.lines(of: text).enumerated() {
            let number = index + 1
            let stripped = Self.strip(line)
            // A comment line is skipped whole: it neither ends a multi-line value nor joins it.
            if stripped.hasPrefix("#") || stripped.hasPrefix(";") { continue }
            if stripped.isEmpty {
                if key != nil { valueLines.append("") }
                continue
            }
            let indent = line.prefix(while: Self.isSpace).count
            if key != nil, indent > indentLevel {
                valueLines.append(String(stripped))
                continue
            }
            try finish(&key, valueLines: &valueLines, into: &sections)
            indentLevel = indent
            if let header = Self.header(stripped) {
                guard header != "DEFAULT" else {
                    throw error(line: number, "[DEFAULT] is special to the AWS CLI's parser: it copies its keys into every other section. Name the profile [default], lower-case")
                }
                if let first = sections.first(where: { $0.header == header }) {
                    throw error(line: number, "section [\(header)] appears twice (first on line \(first.line)); the AWS CLI refuses such a file")
                }
                sections.append(RawSection(header: header, line: number))
                continue
            }
            guard !sections.isEmpty else { throw error(line: number, "a property appears before any [section] header") }
            guard let separator = stripped.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw error(line: number, "expected 'key = value' (or 'key: value')")
            }
            let name = Self.strip(stripped[..<separator]).lowercased()
            guard !name.isEmpty else { throw error(line: number, "a property has no name before its '=' or ':'") }
            if let first = sections[sections.count - 1].lines[name] {
                throw error(line: number, "key \(name) appears twice in [\(sections[sections.count - 1].header)] (first on line \(first)); the AWS CLI refuses such a file")
            }
            sections[sections.count - 1].lines[name] = number
            valueLines = [String(Self.strip(stripped[stripped.index(after: separator)...]))]
            key = name
        }
        try finish(&key, valueLines: &valueLines, into: &sections)
        return sections
    }

    /// Stores the value being read: its lines joined, trailing blank lines dropped. A value that begins on the next
    /// line is a block of `key = value` lines, as botocore reads `s3 =` blocks.
    private func finish(_ key: inout String?, valueLines: inout [String], into sections: inout [RawSection]) throws(ProfileFileError) {
        guard let name = key else { return }
        key = nil
        let value = String(Self.stripTrailing(valueLines.joined(separator: "\n")))
        valueLines = []
        let index = sections.count - 1
        guard value.hasPrefix("\n") else {
            sections[index].properties[name] = value
            return
        }
        var block: [String: String] = [:]
        for line in value.split(separator: "\n") where !Self.strip(line).isEmpty {
            guard let equals = line.firstIndex(of: "=") else {
                throw error(line: sections[index].lines[name] ?? 0, "the indented block under \(name) has a line without '='")
            }
            block[String(Self.strip(line[..<equals]))] = String(Self.strip(line[line.index(after: equals)...]))
        }
        sections[index].properties[name] = value
        sections[index].subProperties[name] = block
    }

    /// `[…]` up to the line's last `]`, with at least one character inside; text after it is ignored, as configparser does.
    static func header(_ stripped: Substring) -> String? {
        guard stripped.first == "[", let close = stripped.lastIndex(of: "]") else { return nil }
        let inside = stripped[stripped.index(after: stripped.startIndex)..<close]
        return inside.isEmpty ? nil : String(inside)
    }

    /// Lines split on `\n`, `\r\n` or `\r`, as Python's text files are; other Unicode line separators stay in the line.
    static func lines(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    /// Python's `str.isspace`: Unicode white space plus the ASCII separators 0x1C–0x1F.
    static func isSpace(_ character: Character) -> Bool {
        character.isWhitespace || character.unicodeScalars.allSatisfy { (0x1C...0x1F).contains($0.value) }
    }

    static func strip<S: StringProtocol>(_ text: S) -> S.SubSequence {
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else {
            return text[text.endIndex...]
        }
        return text[first...last]
    }

    private static func stripTrailing<S: StringProtocol>(_ text: S) -> S.SubSequence {
        guard let last = text.lastIndex(where: { !isSpace($0) }) else { return text[text.endIndex...] }
        return text[...last]
    }

    private func error(line: Int, _ message: String) -> ProfileFileError {
        ProfileFileError(file: fileName, line: line, message: message)
    }
}
