/// Task 1 of SigV4: the canonical form of a request (method, URI, query, headers, signed header list, payload hash).
struct CanonicalRequest {
    /// Headers never signed: botocore drops them when it re-signs (so moto rejects them), and proxies may rewrite them.
    static let unsignedHeaders: Set<String> = [
        "authorization", "user-agent", "x-amzn-trace-id", "expect", "connection", "keep-alive",
        "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade",
    ]

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
            if unsignedHeaders.contains(String(decoding: name, as: UTF8.self)) { continue }
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
        text.utf8.map { ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) ? $0 + 32 : $0 }
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    static func trimmed(_ value: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for byte in value.utf8 {
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

    /// RFC 3986 remove-dot-segments, also collapsing empty segments (`//`); a trailing `/` is kept.
    static func removeDotSegments(_ path: String) -> String {
        guard path.contains("/.") || path.contains("//") else { return path }
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
