import AWSClient
import DashboardCLI
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

/// The fault benchmarks, `ecsdash-bench soak [--minutes N]` and `ecsdash-bench hang`, with the chaos proxy from
/// TestSupport plugged in.
enum ChaosCommand {
    static func lines(arguments: [String]) async -> [String] {
        let holder = ProxyHolder()
        let chaos = BenchmarkChaos(
            start: { upstream, accounts in
                let proxy = try await ChaosProxy.start(upstream: upstream, upstreamEndpoint: Endpoint(host: "simulator"), seed: 11, accounts: accounts)
                holder.set(proxy)
                return proxy.endpoint
            },
            setMode: { mode in holder.proxy?.setPlan(plan(mode)) },
            counts: { holder.proxy.map { ($0.statistics.requests, $0.statistics.injected) } ?? (0, 0) },
            stop: { await holder.proxy?.stop() }
        )
        if arguments.first == "hang" { return await DashboardBenchmarks.hangCPU(chaos: chaos) }
        let minutes = arguments.firstIndex(of: "--minutes").flatMap { arguments.indices.contains($0 + 1) ? Double(arguments[$0 + 1]) : nil } ?? 2
        return await DashboardBenchmarks.soak(minutes: minutes, chaos: chaos)
    }

    static func plan(_ mode: BenchmarkChaos.Mode) -> FaultPlan {
        switch mode {
        case .none: .none
        case .mixed(let rate): .mixed(rate: rate, hang: 45)
        case .hang(let account): FaultPlan(rules: [FaultRule(.hang(seconds: nil), account: account)])
        }
    }

    /// The proxy, once started, for the hooks that act on it later.
    private final class ProxyHolder: @unchecked Sendable {
        private let lock = NSLock()
        private var value: ChaosProxy?
        var proxy: ChaosProxy? { lock.withLock { value } }
        func set(_ proxy: ChaosProxy) { lock.withLock { value = proxy } }
    }
}
