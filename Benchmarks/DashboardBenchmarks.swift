import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

/// The dashboard's benchmarks, run from inside the module because its types are internal; `ecsdash-bench`
/// calls this and prints the JSON lines it returns.
public enum DashboardBenchmarks {
    /// Benchmark names, none a substring of another, so each can be picked by name.
    public static let names = ["fleet", "frame", "keypress", "idle", "promotion"]

    /// Runs every benchmark whose name contains `filter` (all when nil) and returns one JSON object per figure:
    /// `name`, `unit`, `value` (null when it could not be measured, with a `reason`) and string extras, keys sorted.
    public static func run(filter: String?) async -> [String] {
        var figures: [BenchmarkFigure] = []
        for name in names where filter.map({ name.contains($0) }) ?? true {
            switch name {
            case "fleet": figures += await FleetRefreshBenchmark().run()
            case "frame": figures += await FrameBenchmark().run()
            case "keypress": figures += KeyPressBenchmark().run()
            case "idle": figures += IdleCPUBenchmark().run()
            case "promotion": figures += await PromotionBenchmark().run()
            default: break
            }
        }
        return figures.map(\.jsonLine)
    }

    /// The fault soak, run only when asked for by name: it takes minutes and needs the tests' chaos proxy.
    package static func soak(minutes: Double, chaos: BenchmarkChaos) async -> [String] {
        await SoakBenchmark(minutes: minutes, chaos: chaos).run().map(\.jsonLine)
    }

    /// The dashboard's CPU with every environment healthy and then with one hanging on every call.
    package static func hangCPU(chaos: BenchmarkChaos) async -> [String] {
        await HangCPUBenchmark(chaos: chaos).run().map(\.jsonLine)
    }
}
