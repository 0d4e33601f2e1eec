@testable import AWSClient
import Foundation

/// A request in the SigV4 suite's text form: `METHOD target HTTP/1.1`, header lines (folded lines
/// included), a blank line, the body. Paths and queries are raw, not percent-encoded.
struct RawRequest {
    var method: String
    var path: String
    var query: [QueryItem]
    var headers: [(String, String)]
    var body: String

    init(_ text: String) {
        var lines = text.components(separatedBy: "\n")
        let requestLine = lines.removeFirst()
        let firstSpace = requestLine.firstIndex(of: " ")!
        let lastSpace = requestLine.lastIndex(of: " ")!
        method = String(requestLine[..<firstSpace])
        let target = String(requestLine[requestLine.index(after: firstSpace)..<lastSpace])
        if let mark = target.firstIndex(of: "?") {
            path = String(target[..<mark])
            query = target[target.index(after: mark)...].split(separator: "&").map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return QueryItem(URIEncoding.decode(String(parts[0])), parts.count > 1 ? URIEncoding.decode(String(parts[1])) : "")
            }
        } else {
            path = target
            query = []
        }
        headers = []
        while !lines.isEmpty {
            let line = lines.removeFirst()
            if line.isEmpty { break }
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].1 += "\n" + line
                continue
            }
            let colon = line.firstIndex(of: ":")!
            headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
        }
        body = lines.joined(separator: "\n")
    }

    var httpRequest: HTTPRequest {
        let host = headers.first { $0.0.lowercased() == "host" }?.1 ?? "example.amazonaws.com"
        return HTTPRequest(method: method, endpoint: Endpoint(host: host), path: path, query: query,
                           headers: HTTPHeaders(headers), body: Data(body.utf8))
    }

    /// Header lines of a signed request as sorted `name:value` strings, folded lines joined and whitespace
    /// collapsed, so placement and the classic suite's `Name: value` spacing do not matter.
    static func headerLines(ofSignedRequest text: String) -> [String] {
        var fields: [(String, String)] = []
        for line in text.components(separatedBy: "\n").dropFirst() {
            if line.isEmpty { break }
            if line.first == " " || line.first == "\t", !fields.isEmpty {
                fields[fields.count - 1].1 += " " + line
                continue
            }
            let colon = line.firstIndex(of: ":")!
            fields.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
        }
        return normalized(fields)
    }

    static func normalized(_ fields: [(String, String)]) -> [String] {
        fields.map { $0.0 + ":" + $0.1.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ") }.sorted()
    }
}
