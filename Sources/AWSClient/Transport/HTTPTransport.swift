/// Sends one HTTP request; the seam where tests and the simulated fleet plug in instead of the network.
public protocol HTTPTransport: Sendable {
    /// Sends the request and returns the response, or throws `TransportError`.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
