import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

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
        switch lock.withLock({ mode }) {
        case .passThrough:
            return try await base.send(request)
        case .recording:
            let response = try await base.send(request)
            lock.withLock { answers[Self.key(for: request)] = response }
            return response
        case .replaying:
            // Finding the answer is the harness's cost, not the client's, so it is kept to a byte search and a hash.
            let key = Self.key(for: request)
            if let response = lock.withLock({ answers[key] }) { return response }
            lock.withLock { unanswered += 1 }
            throw TransportError(.other, host: request.endpoint.host, message: "no recorded answer")
        }
    }

    /// `AKID` from `AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, ...`.
    private static func accessKey(in authorization: String) -> String {
        // The first `=` is Credential's: the scheme name before it has none.
        let bytes = authorization.utf8
        guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { return "" }
        return String(Substring(bytes[bytes.index(after: equals)...].prefix { $0 != UInt8(ascii: "/") }))
    }

    private static func key(for request: HTTPRequest) -> Key {
        Key(host: request.endpoint.host, caller: accessKey(in: request.headers["authorization"] ?? ""),
            operation: request.headers["x-amz-target"] ?? "", body: request.body)
    }
}
