import Foundation

/// Turns a failed HTTP response into an `AWSError`, whatever the body: JSON `__type`, XML `<Error><Code>`,
/// or something else entirely (an HTML page from a proxy), never by trusting the content type; and words how a
/// body that could not be read is quoted in an error, without repeating a credential.
enum AWSErrorDecoder {
    static func decode(_ response: HTTPResponse, service: String, operation: String) -> AWSError {
        var code = response.headers["x-amzn-errortype"].map(cleanCode)
        var message: String?
        var requestId = response.headers["x-amzn-requestid"] ?? response.headers["x-amz-request-id"]

        if let json = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] {
            if let type = (json["__type"] ?? json["code"] ?? json["Code"]) as? String { code = cleanCode(type) }
            message = (json["message"] ?? json["Message"] ?? json["errorMessage"]) as? String
        } else if let xml = XMLNode.parse(response.body) {
            if let xmlCode = xml.first(named: "Code")?.text, !xmlCode.isEmpty { code = xmlCode }
            message = xml.first(named: "Message")?.text
            requestId = requestId ?? xml.first(named: "RequestId")?.text ?? xml.first(named: "RequestID")?.text
        }

        guard let code, !code.isEmpty else {
            return AWSError(service: service, operation: operation, status: response.status,
                            code: fallbackCode(status: response.status),
                            message: "unexpected response" + bodyNote(response.body, carriesCredentials: AWSServiceDescriptor.carriesCredentials(serviceNamed: service)),
                            requestId: requestId)
        }
        return AWSError(service: service, operation: operation, status: response.status, code: code,
                        message: message ?? "", requestId: requestId)
    }

    /// `com.amazonaws.ecs#AccessDeniedException` → `AccessDeniedException`; header forms may carry `:url` after it.
    static func cleanCode(_ raw: String) -> String {
        var code = Substring(raw)
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        return code.trimmingCharacters(in: .whitespaces)
    }

    static func fallbackCode(status: Int) -> String {
        status == 429 ? "TooManyRequestsException" : "HTTP\(status)"
    }

    /// What an error says about a body it could not read, after its first words: for a service whose replies carry
    /// credentials only the size (` (812 bytes)`): half an AssumeRole reply is half a secret, whatever shape it is
    /// cut into; for any other service a short scrubbed snippet (`: 502 Bad Gateway`), which is what people act on.
    static func bodyNote(_ body: Data, carriesCredentials: Bool) -> String {
        if body.isEmpty { return " (empty body)" }
        return carriesCredentials ? " (\(body.count) bytes)" : ": " + snippet(body)
    }

    /// A short, single-line excerpt of a body, with markup removed, for errors that are not AWS's. Anything shaped
    /// like a key, secret or token is masked first, while the field names around it are still there to see.
    static func snippet(_ body: Data, limit: Int = 160) -> String {
        let text = SecretScrubber.scrub(String(decoding: window(body), as: UTF8.self))
        var plain = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true; plain.append(" "); continue }
            if character == ">" { inTag = false; continue }
            if !inTag { plain.append(character) }
        }
        let collapsed = plain.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if collapsed.isEmpty { return "(empty body)" }
        return collapsed.count > limit ? String(collapsed.prefix(limit)) + "…" : collapsed
    }

    /// The first bytes of `body` that a snippet reads. A run of letters, digits and token punctuation cut by the
    /// window's end is left out, since a token cut short might no longer look like one.
    static func window(_ body: Data, size: Int = 8192) -> Data {
        guard body.count > size else { return body }
        var end = body.startIndex + size
        let tokenBytes = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-.%\\".utf8)
        while end > body.startIndex, tokenBytes.contains(body[end - 1]) { end -= 1 }
        return body[body.startIndex..<end]
    }
}
