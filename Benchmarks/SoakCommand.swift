import AWSClient
import Dashboard
import Foundation
import TestSupport

/// `ecsdash-bench soak [--minutes N]`: the fault soak, with the chaos proxy from TestSupport plugged in.
enum SoakCommand {
    static func lines(arguments: [String]) async -> [String] {
        let minutes = arguments.firstIndex(of: "--minutes").flatMap { arguments.indices.contains($0 + 1) ? Double(arguments[$0 + 1]) : nil } ?? 2
        let holder = ProxyHolder()
        let chaos = SoakChaos(
            start: { upstream, rate, accounts in
                let proxy = try await ChaosProxy.start(upstream: upstream, upstreamEndpoint: Endpoint(host: "simulator"), plan: .mixed(rate: rate, hang: 45),
                                                       seed: 11, accounts: accounts)
                holder.set(proxy, rate: rate)
                return proxy.endpoint
            },
            setFaults: { on in holder.proxy?.setPlan(on ? .mixed(rate: holder.rate, hang: 45) : .none) },
            counts: { holder.proxy.map { ($0.statistics.requests, $0.statistics.injected) } ?? (0, 0) },
            stop: { await holder.proxy?.stop() }
        )
        return await DashboardBenchmarks.soak(minutes: minutes, chaos: chaos)
    }

    /// The proxy, once started, for the hooks that act on it later.
    private final class ProxyHolder: @unchecked Sendable {
        private let lock = NSLock()
        private var value: ChaosProxy?
        private var faultRate = 0.0
        var proxy: ChaosProxy? { lock.withLock { value } }
        var rate: Double { lock.withLock { faultRate } }
        func set(_ proxy: ChaosProxy, rate: Double) { lock.withLock { (value, faultRate) = (proxy, rate) } }
    }
}
