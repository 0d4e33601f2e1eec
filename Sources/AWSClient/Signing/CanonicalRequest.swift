/// Task 1 of SigV4: the canonical form of a request (method, URI, query, headers, signed header list, payload hash).
struct CanonicalRequest {
    /// Headers never signed: botocore drops them when it re-signs (so moto rejects them), and proxies may rewrite them.
    static let unsignedHeaders: [[UInt8]] = [
        "authorization", "user-agent", "x-amzn-trace-id", "expect", "connection", "keep-alive",
        "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade",
    ].map { Array($0.utf8) }

    /// The canonical request, as UTF-8 bytes ready to hash.
    let bytes: [UInt8]
    /// `host;x-amz-date;…`, the SignedHeaders value.
    let signedHeaders: String

    var text: String { String(decoding: bytes, as: UTF8.self) }

    init(method: String, path: String, query: [QueryItem], headers: HTTPHeaders, payloadHash: String,
         encodePath: Bool, normalizePath: Bool) {
        let newline = UInt8(ascii: "\n")
        var out: [UInt8] = []
        out.reserveCapacity(512 + headers.fields.reduce(0) { $0 + $1.value.utf8.count })
        out.append(contentsOf: method.utf8)
        out.append(newline)

        let effectivePath = normalizePath ? CanonicalRequest.removeDotSegments(path) : path
        if effectivePath.isEmpty {
            out.append(UInt8(ascii: "/"))
        } else if encodePath {
            URIEncoding.append(effectivePath, to: &out, keepSlash: true)
        } else {
            out.append(contentsOf: effectivePath.utf8)
        }
        out.append(newline)

        CanonicalRequest.appendQuery(query, to: &out)
        out.append(newline)

        let canonicalHeaders = CanonicalRequest.canonicalHeaders(headers)
        var signed: [UInt8] = []
        signed.reserveCapacity(96)
        for (index, header) in canonicalHeaders.enumerated() {
            out.append(contentsOf: header.name)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: header.value)
            out.append(newline)
            if index > 0 { signed.append(UInt8(ascii: ";")) }
            signed.append(contentsOf: header.name)
        }
        out.append(newline)
        out.append(contentsOf: signed)
        out.append(newline)
        out.append(contentsOf: payloadHash.utf8)

        bytes = out
        signedHeaders = String(decoding: signed, as: UTF8.self)
    }

    /// Sorted by encoded key, then encoded value; sorting whole `k=v` strings would put `-` after `=` wrongly.
    static func appendQuery(_ query: [QueryItem], to out: inout [UInt8]) {
        guard !query.isEmpty else { return }
        let encoded = query.map { (name: URIEncoding.encode($0.name), value: URIEncoding.encode($0.value)) }
            .sorted { $0.name == $1.name ? $0.value.utf8.lexicographicallyPrecedes($1.value.utf8) : $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        for (index, item) in encoded.enumerated() {
            if index > 0 { out.append(UInt8(ascii: "&")) }
            out.append(contentsOf: item.name.utf8)
            out.append(UInt8(ascii: "="))
            out.append(contentsOf: item.value.utf8)
        }
    }

    /// Lower-cased names, sorted; repeated names joined with `,` in request order; values trimmed with inner
    /// whitespace runs (folded lines included) collapsed to one space.
    static func canonicalHeaders(_ headers: HTTPHeaders) -> [(name: [UInt8], value: [UInt8])] {
        var result: [(name: [UInt8], value: [UInt8])] = []
        result.reserveCapacity(headers.fields.count)
        for field in headers.fields {
            let name = lowercasedASCII(field.name)
            if unsignedHeaders.contains(name) { continue }
            let value = trimmed(field.value)
            if let existing = result.firstIndex(where: { $0.name == name }) {
                result[existing].value.append(UInt8(ascii: ","))
                result[existing].value.append(contentsOf: value)
            } else {
                result.append((name: name, value: value))
            }
        }
        result.sort { $0.name.lexicographicallyPrecedes($1.name) }
        return result
    }

    @inline(__always)
    static func lowercasedASCII(_ text: String) -> [UInt8] {
        if let bytes = text.utf8.withContiguousStorageIfAvailable({ buffer -> [UInt8] in
            var copy = Array(buffer)
            for index in copy.indices where copy[index] >= UInt8(ascii: "A") && copy[index] <= UInt8(ascii: "Z") {
                copy[index] += 32
            }
            return copy
        }) {
            return bytes
        }
        return text.utf8.map { ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) ? $0 + 32 : $0 }
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    static func trimmed(_ value: String) -> [UInt8] {
        if let fast = value.utf8.withContiguousStorageIfAvailable({ buffer in
            hasSpaceOrControl(buffer) ? trimmed(buffer) : Array(buffer)
        }) {
            return fast
        }
        return trimmed(Array(value.utf8))
    }

    /// True when any byte is ≤ 0x20 (every whitespace byte is), checking eight bytes per step; values such
    /// as session tokens run to a kilobyte and almost never need trimming.
    static func hasSpaceOrControl(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        let count = buffer.count
        var index = 0
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // Sets a byte's high bit when that byte is below 0x21 (or is itself ≥ 0x80, checked below).
            if (word &- ones &* 0x21) & ~word & highs != 0 { break }
            index += 8
        }
        while index < count {
            if base[index] <= 0x20 { return true }
            index += 1
        }
        return false
    }

    /// Works on raw bytes: values such as session tokens run to a kilobyte, and per-character String
    /// iteration was a quarter of the signing time.
    static func trimmed<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var needsWork = false
        var previousWasSpace = true
        for byte in bytes {
            let space = isSpace(byte)
            if space && (previousWasSpace || byte != UInt8(ascii: " ")) { needsWork = true; break }
            previousWasSpace = space
        }
        if !needsWork && !previousWasSpace { return Array(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if isSpace(byte) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(UInt8(ascii: " ")) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return out
    }

    /// True when the path has a `.` or an empty segment; almost every AWS API path is a bare `/`.
    static func needsDotSegmentRemoval(_ path: String) -> Bool {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: ".") || (byte == UInt8(ascii: "/") && previous == UInt8(ascii: "/")) { return true }
            previous = byte
        }
        return false
    }

    /// RFC 3986 remove-dot-segments, also collapsing empty segments (`//`); a trailing `/` is kept.
    static func removeDotSegments(_ path: String) -> String {
        guard needsDotSegmentRemoval(path) else { return path }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        var result = "/" + segments.joined(separator: "/")
        let endsWithSlash = path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..")
        if endsWithSlash && result != "/" { result += "/" }
        return result
    }
}
