import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

/// The hooks the fault benchmarks need from the fault-injecting proxy, which lives with the tests' support code
/// (`ecsdash-bench` plugs it in), so the app library itself carries no test server.
package struct BenchmarkChaos: Sendable {
    /// What the proxy does to requests from now on.
    package enum Mode: Sendable, Equatable {
        case none
        /// About `rate` of all requests fail, in every way the proxy knows.
        case mixed(rate: Double)
        /// Every call into `account` hangs until the client gives up.
        case hang(account: String)
    }

    /// Starts the proxy in front of `upstream`, passing everything, knowing the base keys' accounts; returns its endpoint.
    package var start: @Sendable (_ upstream: any HTTPTransport, _ accounts: [String: String]) async throws -> String
    package var setMode: @Sendable (Mode) -> Void
    /// Requests seen and faults injected so far.
    package var counts: @Sendable () -> (requests: Int, injected: Int)
    package var stop: @Sendable () async -> Void

    package init(start: @escaping @Sendable (any HTTPTransport, [String: String]) async throws -> String, setMode: @escaping @Sendable (Mode) -> Void,
                 counts: @escaping @Sendable () -> (requests: Int, injected: Int), stop: @escaping @Sendable () async -> Void) {
        self.start = start
        self.setMode = setMode
        self.counts = counts
        self.stop = stop
    }
}
