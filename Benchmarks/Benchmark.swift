import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

/// A named measurement that produces one or more figures, as JSON lines.
struct Benchmark: Sendable {
    let name: String
    let lines: @Sendable () async -> [String]

    /// A synchronous benchmark measured here, whose figures print in the shared format.
    init(name: String, run: @escaping @Sendable () -> [BenchmarkFigure]) {
        self.name = name
        lines = { run().map(\.jsonLine) }
    }

    /// A benchmark that produces its JSON lines elsewhere (the dashboard's own, inside its module).
    init(name: String, lines: @escaping @Sendable () async -> [String]) {
        self.name = name
        self.lines = lines
    }
}

/// Helpers for timing: median of repeated batches, in nanoseconds of monotonic time.
enum Timing {
    static func nanoseconds(_ body: () -> Void) -> UInt64 {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return DispatchTime.now().uptimeNanoseconds - start
    }

    /// Runs `batch` iterations `samples` times and returns the per-iteration times in µs, sorted.
    static func perIterationMicros(samples: Int, batch: Int, _ iteration: () -> Void) -> [Double] {
        (0..<samples).map { _ in
            Double(nanoseconds { for _ in 0..<batch { iteration() } }) / Double(batch) / 1000
        }.sorted()
    }

}
