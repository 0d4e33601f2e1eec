import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

/// Order statistics over samples; benchmarks report medians and p90s because single runs on a shared
/// two-core machine are noisy.
enum BenchmarkStatistics {
    static func median(_ samples: [Double]) -> Double? {
        percentile(samples, 0.5)
    }

    /// The sample at fraction `p` of the sorted samples (nearest rank); nil when there are none.
    static func percentile(_ samples: [Double], _ p: Double) -> Double? {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    /// Monotonic wall time in nanoseconds.
    static func monotonicNanoseconds() -> UInt64 {
        DispatchTime.now().uptimeNanoseconds
    }
}
