import AWSClient
import DashboardModel
import Foundation

/// Counts the requests that pass through to the real transport, so each poll can report its API calls, and
/// knows which operations are still waiting for an answer, so a poll that runs out of time can say on what.
package final class CountingTransport: HTTPTransport, @unchecked Sendable {
    private let base: any HTTPTransport
    private let lock = NSLock()
    private var count = 0
    private var waiting: [Int: String] = [:]

    package init(_ base: any HTTPTransport) {
        self.base = base
    }

    package var calls: Int { lock.withLock { count } }

    /// `ECS DescribeTasks`-style names of the requests sent and not yet answered, sorted.
    package var inFlight: [String] { lock.withLock { waiting.values.sorted() } }

    /// A poller's context: `context` with its transport counted and the poller's reply cache; and the counter.
    package static func counting(_ context: AWSClientContext, replyCache: DecodedReplyCache) -> (context: AWSClientContext, counter: CountingTransport) {
        let counter = CountingTransport(context.transport)
        var counted = context
        counted.transport = counter
        counted.replyCache = replyCache
        return (counted, counter)
    }

    package func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let ticket = lock.withLock { () -> Int in
            count += 1
            waiting[count] = Self.operation(of: request)
            return count
        }
        defer { lock.withLock { _ = waiting.removeValue(forKey: ticket) } }
        return try await base.send(request)
    }

    /// `AmazonEC2ContainerServiceV20141113.DescribeTasks` → `ECS DescribeTasks`; a query request's `Action`.
    package static func operation(of request: HTTPRequest) -> String {
        if let target = request.headers["X-Amz-Target"], let dot = target.lastIndex(of: ".") {
            let service = AWSServiceDescriptor.all.first { descriptor in
                guard case .json(let prefix) = descriptor.wireProtocol else { return false }
                return target.hasPrefix(prefix + ".")
            }?.name
            return [service, String(target[target.index(after: dot)...])].compactMap { $0 }.joined(separator: " ")
        }
        let form = String(decoding: request.body.prefix(200), as: UTF8.self)
        guard let action = form.split(separator: "&").first(where: { $0.hasPrefix("Action=") }) else { return request.endpoint.host }
        return String(action.dropFirst("Action=".count))
    }
}
