import AWSClient
import DashboardCLI
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import TestSupport

/// Every benchmark ecsdash-bench knows, in the order it prints them.
enum BenchmarkSuite {
    static let all: [Benchmark] = [SigningBenchmark.benchmark, DecodingBenchmark.benchmark, CallCostBenchmark.benchmark]
        + DashboardBenchmarks.names.map { name in
            Benchmark(name: name) { await DashboardBenchmarks.run(filter: name) }
        }
}
