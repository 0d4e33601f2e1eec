import AWSClient
import Foundation

/// A transport that lets a test stand in for the credential source, and answers every AWS API call after it with
/// an empty JSON object (for the rare cut that still reads).
package final class CredentialTestServer: HTTPTransport, @unchecked Sendable {
    private let answer: @Sendable (HTTPRequest) -> HTTPResponse?

    package init(_ answer: @escaping @Sendable (HTTPRequest) -> HTTPResponse?) {
        self.answer = answer
    }

    package func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if let response = answer(request) { return response }
        if request.endpoint.host.hasPrefix("sts.") {
            return HTTPResponse(status: 400, body: Data("<ErrorResponse><Error><Code>InvalidAction</Code><Message>unexpected</Message></Error></ErrorResponse>".utf8))
        }
        return HTTPResponse(status: 200, body: Data("{}".utf8))
    }

    /// The fields of a form-encoded (query protocol) body.
    package static func form(_ request: HTTPRequest) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in String(decoding: request.body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.removingPercentEncoding ?? String($0) }
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return fields
    }
}
