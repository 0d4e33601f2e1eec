/// Masks whatever in a text is shaped like a credential (AWS access key ids, secret keys, session, metadata and
/// OIDC tokens, `Authorization` values, secret-named XML, JSON, form and header fields) before outside text
/// becomes an error message, a status line or an audit record.
///
/// It works on shapes, not on knowledge of the keys in use, so it also catches a secret cut short by a broken
/// reply when a field name precedes it. It errs towards masking: an over-masked message still names the
/// operation and error code, while an under-masked one leaks a key.
package enum SecretScrubber {
    /// What replaces each secret; square brackets, since snippets strip `<…>` markup after scrubbing.
    package static let mask = "[redacted]"

    /// `text` with every credential-shaped run replaced by `mask`.
    package static func scrub(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let ranges = secretRanges(in: bytes)
        guard !ranges.isEmpty else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var position = 0
        for range in ranges {
            output.append(contentsOf: bytes[position..<range.lowerBound])
            output.append(contentsOf: mask.utf8)
            position = range.upperBound
        }
        output.append(contentsOf: bytes[position...])
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether `text` holds anything `scrub` would mask: for text that is better withheld whole than quoted
    /// with holes (a `credential_process` helper's stderr that prints its keys).
    package static func containsSecret(_ text: String) -> Bool {
        !secretRanges(in: Array(text.utf8)).isEmpty
    }

    /// Whether a field of this name holds a secret by the same rule the scrubber masks by (`DB_PASSWORD`, `api-key`,
    /// `GITHUB_TOKEN`): for name/value pairs that arrive apart, like a task definition's environment.
    package static func isSecretName(_ name: String) -> Bool {
        let normalized = normalizedName(Array(name.utf8)[...])
        return secretNameSuffixes.contains(where: normalized.hasSuffix)
    }

    /// The byte ranges to mask, sorted and merged.
    static func secretRanges(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges = fieldValues(in: bytes) + accessKeyIds(in: bytes) + webTokens(in: bytes) + opaqueRuns(in: bytes)
        guard !ranges.isEmpty else { return [] }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = [ranges[0]]
        for range in ranges.dropFirst() {
            if range.lowerBound <= merged[merged.count - 1].upperBound {
                let last = merged.removeLast()
                merged.append(last.lowerBound..<max(last.upperBound, range.upperBound))
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    // MARK: Fields named like secrets

    /// Field names (lowercased, without `_` and `-`) whose values are secrets, matched as suffixes:
    /// `SessionToken`, `X-Amz-Security-Token`, `aws_secret_access_key`, `x-aws-ec2-metadata-token`, `accessToken`…
    /// (`NextToken` is caught too; a page token lost from a message costs nothing.)
    static let secretNameSuffixes = ["token", "secret", "secretaccesskey", "secretkey", "accesskeyid", "password", "passwd",
                                     "apikey", "credential", "authorization"]
    /// Names whose values run to the end of the line, spaces included (`Authorization: AWS4-HMAC-SHA256 Credential=…, …`).
    static let wholeLineSuffixes = ["authorization"]
    /// A secret-named value after `name: ` with no quotes or markup around it is only masked from this length: in
    /// prose (`InvalidIdentityToken: token expired`) the word after a colon is not a secret; keys and tokens are longer.
    static let proseValueMinimum = 16

    /// Values of XML elements, JSON members, form fields, INI properties and headers whose names say they are secret.
    static func fieldValues(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard isNameByte(bytes[index]), index == 0 || !isNameByte(bytes[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
            let name = normalizedName(bytes[index..<end])
            if secretNameSuffixes.contains(where: name.hasSuffix) {
                let wholeLine = wholeLineSuffixes.contains(where: name.hasSuffix)
                if let value = fieldValue(in: bytes, nameStart: index, nameEnd: end, wholeLine: wholeLine) { ranges.append(value) }
            }
            index = end
        }
        return ranges
    }

    private static func normalizedName(_ name: ArraySlice<UInt8>) -> String {
        String(decoding: name.compactMap { byte -> UInt8? in
            if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") { return nil }
            return isUpper(byte) ? byte + 32 : byte
        }, as: UTF8.self)
    }

    /// The value that follows a secret name, by the syntax around the name: `<Name …>value<`, `"Name": "value"`,
    /// `Name=value`, `Name: value`.
    private static func fieldValue(in bytes: [UInt8], nameStart: Int, nameEnd: Int, wholeLine: Bool) -> Range<Int>? {
        if nameStart > 0, bytes[nameStart - 1] == UInt8(ascii: "<") {
            // A start tag (a closing tag holds no value): skip attributes, the value runs to the next markup.
            guard let close = bytes[nameEnd...].firstIndex(of: UInt8(ascii: ">")), bytes[close - 1] != UInt8(ascii: "/") else { return nil }
            let end = bytes[(close + 1)...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
            return nonBlank(bytes, (close + 1)..<end)
        }
        if nameStart > 1, bytes[nameStart - 1] == UInt8(ascii: "/"), bytes[nameStart - 2] == UInt8(ascii: "<") { return nil }
        var position = nameEnd
        // A JSON member's closing quote (escaped when the JSON sits inside a string), then spaces.
        while position < bytes.count, isQuote(bytes[position]) || bytes[position] == UInt8(ascii: "\\") || bytes[position] == 0x20 || bytes[position] == 0x09 {
            position += 1
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") || bytes[position] == UInt8(ascii: "=") else { return nil }
        let separator = bytes[position]
        position += 1
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        var quoted = false
        if position < bytes.count, bytes[position] == UInt8(ascii: "\\"), position + 1 < bytes.count, isQuote(bytes[position + 1]) {
            position += 2
            quoted = true
        } else if position < bytes.count, isQuote(bytes[position]) {
            position += 1
            quoted = true
        }
        let start = position
        while position < bytes.count, !endsValue(bytes, at: position, quoted: quoted, wholeLine: wholeLine) {
            // In a quoted value an escape (`\/` in JSON) is part of the value.
            position += quoted && bytes[position] == UInt8(ascii: "\\") ? 2 : 1
        }
        let end = min(position, bytes.count)
        guard let value = nonBlank(bytes, start..<end) else { return nil }
        if !quoted, separator == UInt8(ascii: ":"), value.count < proseValueMinimum { return nil }
        return value
    }

    /// Besides spaces, quotes and markup, what ends an unquoted value: the next form field, list item or bracket.
    private static let unquotedValueEnds = Set("&,;>(){}[]".utf8)

    private static func endsValue(_ bytes: [UInt8], at position: Int, quoted: Bool, wholeLine: Bool) -> Bool {
        let byte = bytes[position]
        if byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "<") || isQuote(byte) { return true }
        if quoted {
            return byte == UInt8(ascii: "\\") && position + 1 < bytes.count && isQuote(bytes[position + 1])
        }
        if byte == UInt8(ascii: "\\") { return true }
        if wholeLine { return false }
        return byte == 0x20 || byte == 0x09 || unquotedValueEnds.contains(byte)
    }

    /// The range, unless it holds nothing to hide: blanks, or a value masked already.
    private static func nonBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int>? {
        guard range.contains(where: { bytes[$0] != 0x20 && bytes[$0] != 0x09 && bytes[$0] != 0x0A && bytes[$0] != 0x0D }),
              !bytes[range].elementsEqual(maskBytes) else { return nil }
        return range
    }

    private static let maskBytes = Array(mask.utf8)

    // MARK: Shapes

    /// `AKIA`/`ASIA` and 16 or more upper-case letters and digits: long-term and temporary access key ids.
    static func accessKeyIds(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index + 20 <= bytes.count {
            guard bytes[index] == UInt8(ascii: "A"), bytes[index + 2] == UInt8(ascii: "I"), bytes[index + 3] == UInt8(ascii: "A"),
                  bytes[index + 1] == UInt8(ascii: "K") || bytes[index + 1] == UInt8(ascii: "S") else {
                index += 1
                continue
            }
            var end = index + 4
            while end < bytes.count, isUpper(bytes[end]) || isDigit(bytes[end]) { end += 1 }
            if end - index >= 20 {
                ranges.append(index..<end)
                index = end
            } else {
                index += 1
            }
        }
        return ranges
    }

    /// JSON Web Tokens (OIDC identity tokens): `eyJ` (base64 of `{"`) and a run of base64url and dots.
    static func webTokens(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index + 3 <= bytes.count {
            guard bytes[index] == UInt8(ascii: "e"), bytes[index + 1] == UInt8(ascii: "y"), bytes[index + 2] == UInt8(ascii: "J") else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, isBase64(bytes[end]) || bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: "_") || bytes[end] == UInt8(ascii: ".") {
                end += 1
            }
            if end - index >= 20 {
                ranges.append(index..<end)
                index = end
            } else {
                index += 1
            }
        }
        return ranges
    }

    /// A run this long of base64 characters is taken for a key or token when it also looks random (below): secret
    /// access keys are 40, session and metadata tokens longer. Shorter than 40, so that a secret cut by a broken
    /// reply is caught too.
    static let opaqueRunMinimum = 32

    /// Runs of base64 characters (`\/` and `%2F`-style escapes included) that look random: secret keys, session
    /// tokens, IMDS and SSO tokens, whatever field they came without.
    static func opaqueRuns(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            var end = index
            var letters = RunShape()
            while end < bytes.count {
                let width = base64Width(bytes, at: end)
                guard width > 0 else { break }
                letters.add(width == 1 ? bytes[end] : UInt8(ascii: "/"))
                end += width
            }
            if end == index {
                index += 1
                continue
            }
            if end - index >= opaqueRunMinimum, letters.looksRandom(length: end - index) {
                // Its `=` padding goes with it; inside a run `=` is left out, as it joins `key=value` pairs.
                var padded = end
                while padded < bytes.count, padded - end < 2, bytes[padded] == UInt8(ascii: "=") { padded += 1 }
                ranges.append(index..<padded)
                end = padded
            }
            index = end
        }
        return ranges
    }

    /// What tells a random run from words, paths, numbers and digests: random base64 has both letter cases and
    /// changes between upper case, lower case and digits at about 6 characters in 10; a path such as
    /// `/Users/alice/projects` or a CamelCase name changes a few times a word, and hex digests (`sha256:…`, commit
    /// ids) have one case. One change in 4 characters lets about 1 random 40-character key in 100,000 through
    /// when it comes with no field name, and keeps most paths and names readable.
    struct RunShape {
        private var previous: UInt8?
        private(set) var changes = 0
        private var hasUpper = false, hasLower = false, isHex = true

        mutating func add(_ byte: UInt8) {
            let kind: UInt8? = isUpper(byte) ? 0 : isLower(byte) ? 1 : isDigit(byte) ? 2 : nil
            hasUpper = hasUpper || kind == 0
            hasLower = hasLower || kind == 1
            isHex = isHex && isHexDigit(byte)
            guard let kind else { return }  // `/` and `+` neither break nor make a change
            if let previous, previous != kind { changes += 1 }
            previous = kind
        }

        func looksRandom(length: Int) -> Bool {
            hasUpper && hasLower && !isHex && changes * 4 >= length
        }
    }

    /// How many bytes at `position` are one base64 character: 1 for `A-Za-z0-9+/`, 2 for JSON's `\/`, 3 for a
    /// percent-encoded `/` or `+`; 0 for anything else.
    private static func base64Width(_ bytes: [UInt8], at position: Int) -> Int {
        let byte = bytes[position]
        if isBase64(byte) && byte != UInt8(ascii: "=") { return 1 }
        if byte == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "/") { return 2 }
        if byte == UInt8(ascii: "%"), position + 2 < bytes.count, bytes[position + 1] == UInt8(ascii: "2"),
           bytes[position + 2] | 0x20 == UInt8(ascii: "f") || bytes[position + 2] | 0x20 == UInt8(ascii: "b") { return 3 }
        return 0
    }

    // MARK: Bytes

    private static func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    private static func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func isQuote(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }

    private static func isBase64(_ byte: UInt8) -> Bool {
        isUpper(byte) || isLower(byte) || isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
    }

    /// Letters, digits, `_` and `-`: the bytes of field, element and header names.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        isUpper(byte) || isLower(byte) || isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
}
