@testable import AWSClient
import Foundation

/// A transport that answers from a script and records every request it was sent.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [HTTPRequest] = []
    private let respond: @Sendable (HTTPRequest, Int) throws -> HTTPResponse

    /// `respond` gets each request and its 0-based index.
    init(_ respond: @escaping @Sendable (HTTPRequest, Int) throws -> HTTPResponse) {
        self.respond = respond
    }

    /// Answers with the given responses in order, repeating the last one.
    convenience init(responses: [HTTPResponse]) {
        self.init { _, index in responses[min(index, responses.count - 1)] }
    }

    var requests: [HTTPRequest] { lock.withLock { sent } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let index: Int = lock.withLock {
            sent.append(request)
            return sent.count - 1
        }
        return try respond(request, index)
    }

    static func json(_ status: Int, _ body: String, headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders(headers), body: Data(body.utf8))
    }
}

extension StaticCredentialProvider {
    static let test = StaticCredentialProvider(Credentials(accessKeyId: "AKIDTEST", secretAccessKey: "secret"))
}
