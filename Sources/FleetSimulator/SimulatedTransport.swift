import AWSClient

/// The `HTTPTransport` that hands requests to a `SimulatedFleet` instead of the network; an environment's
/// injected latency is slept on the fleet's clock, so other environments answer meanwhile.
package struct SimulatedTransport: HTTPTransport {
    package let fleet: SimulatedFleet

    package func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        switch fleet.admit(request) {
        case .answered(let response):
            return response
        case .admitted(let call, let identity, let delay):
            if delay > 0 { try await fleet.clock.sleep(seconds: delay) }
            return fleet.answer(call, as: identity)
        }
    }
}
