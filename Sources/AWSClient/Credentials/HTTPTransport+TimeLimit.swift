import Foundation

extension HTTPTransport {
    /// Sends `request`, giving up after `seconds` on `clock` with a `TransportError.requestTimeout`;
    /// metadata endpoints that are absent should cost the chain a second, not a minute.
    func send(_ request: HTTPRequest, timeout seconds: TimeInterval, clock: any AWSClock) async throws -> HTTPResponse {
        let host = request.endpoint.hostHeader
        return try await TimeLimit.run(
            seconds: seconds,
            clock: clock,
            onTimeout: { TransportError(.requestTimeout, host: host, message: "no answer within \(seconds) s") }
        ) {
            try await self.send(request)
        }
    }
}
