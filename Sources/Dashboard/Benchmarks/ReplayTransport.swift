import AWSClient
import Foundation

/// Passes requests through, records the answers to one refresh, then plays them back, so that refresh can
/// be timed again and again with no simulated AWS running in the process: what is left is the client's work.
final class ReplayTransport: HTTPTransport, @unchecked Sendable {
    /// A request as far as its answer depends on it: host, caller (the access key in the signature), operation and body.
    private struct Key: Hashable {
        var host: String
        var caller: String
        var operation: String
        var body: Data
    }

    private enum Mode {
        case passThrough, recording, replaying
    }

    private let base: any HTTPTransport
    private let lock = NSLock()
    private var mode = Mode.passThrough
    private var answers: [Key: HTTPResponse] = [:]
    private var unanswered = 0

    init(_ base: any HTTPTransport) {
        self.base = base
    }

    /// Requests seen while replaying that were not recorded (the refresh asked for something new).
    var unansweredCount: Int { lock.withLock { unanswered } }

    func startRecording() { lock.withLock { mode = .recording } }

    func startReplaying() { lock.withLock { mode = .replaying } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let key = Key(host: request.endpoint.host, caller: Self.accessKey(in: request.headers["authorization"] ?? ""),
                      operation: request.headers["x-amz-target"] ?? "", body: request.body)
        switch lock.withLock({ mode }) {
        case .passThrough:
            return try await base.send(request)
        case .recording:
            let response = try await base.send(request)
            lock.withLock { answers[key] = response }
            return response
        case .replaying:
            if let response = lock.withLock({ answers[key] }) { return response }
            lock.withLock { unanswered += 1 }
            throw TransportError(.other, host: request.endpoint.host, message: "no recorded answer")
        }
    }

    /// `AKID` from `AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, ...`.
    private static func accessKey(in authorization: String) -> String {
        guard let start = authorization.range(of: "Credential=")?.upperBound else { return "" }
        return String(authorization[start...].prefix { $0 != "/" })
    }
}
