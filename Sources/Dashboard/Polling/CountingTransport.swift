import AWSClient
import Foundation

/// Counts the requests that pass through to the real transport, so each poll can report its API calls.
final class CountingTransport: HTTPTransport, @unchecked Sendable {
    private let base: any HTTPTransport
    private let lock = NSLock()
    private var count = 0

    init(_ base: any HTTPTransport) {
        self.base = base
    }

    var calls: Int { lock.withLock { count } }

    /// A poller's context: `context` with its transport counted and the poller's reply cache; and the counter.
    static func counting(_ context: AWSClientContext, replyCache: DecodedReplyCache) -> (context: AWSClientContext, counter: CountingTransport) {
        let counter = CountingTransport(context.transport)
        var counted = context
        counted.transport = counter
        counted.replyCache = replyCache
        return (counted, counter)
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock { count += 1 }
        return try await base.send(request)
    }
}
