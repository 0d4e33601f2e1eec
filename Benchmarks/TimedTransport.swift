import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

/// Wraps the simulated fleet's transport and adds up the CPU time spent answering inside it, so the
/// in-process simulator's share can be taken out of the client's CPU figure.
final class TimedTransport: HTTPTransport, @unchecked Sendable {
    private let base: any HTTPTransport
    private let lock = NSLock()
    private var nanoseconds: UInt64 = 0
    private var hops = 0

    init(_ base: any HTTPTransport) {
        self.base = base
    }

    /// CPU nanoseconds spent inside the wrapped transport so far.
    var spentNanoseconds: UInt64 { lock.withLock { nanoseconds } }

    /// Calls that resumed on another thread than they started on; their time is not counted, since a
    /// thread's CPU clock says nothing about another thread's.
    var threadHops: Int { lock.withLock { hops } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        // The simulator answers synchronously under its lock unless latency is injected (none here), so
        // the call normally runs start to end on this thread and its thread CPU clock measures it exactly.
        let thread = pthread_self()
        let start = ProcessMeter.threadCPUNanoseconds()
        defer {
            let end = ProcessMeter.threadCPUNanoseconds()
            let sameThread = pthread_equal(thread, pthread_self()) != 0
            lock.withLock {
                if sameThread { nanoseconds += end &- start } else { hops += 1 }
            }
        }
        return try await base.send(request)
    }
}
