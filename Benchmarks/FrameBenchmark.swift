import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

/// Issue 5's frame figure: building and drawing the matrix for 200 services × 4 environments into an
/// in-memory cell grid, and the same after a key press goes through the reducer.
struct FrameBenchmark {
    var servicesPerEnvironment = 200
    var samples = 301
    var sizes = [(width: 200, height: 60), (width: 120, height: 40)]

    func run() async -> [BenchmarkFigure] {
        let state = await makeState()
        let services = String(state.fleet.serviceNames.count)
        var figures: [BenchmarkFigure] = []
        let renderer = ScreenRenderer()
        for size in sizes {
            var canvas = CellGrid(width: size.width, height: size.height)
            renderer.render(state, into: &canvas)
            let drewMatrix = canvas.find("▸") != nil
            let times = measure { renderer.render(state, into: &canvas) }
            let extra = ["services": services, "environments": String(state.environments.count), "canvas": "\(size.width)x\(size.height)",
                         "target_us": "2000", "selection_drawn": String(drewMatrix),
                         "p90_us": BenchmarkStatistics.percentile(times, 0.9).map { String(format: "%.1f", $0) } ?? "-"]
            figures.append(BenchmarkFigure(name: "frame_matrix_\(size.width)x\(size.height)_median", unit: "us",
                                           value: BenchmarkStatistics.median(times), extra: extra))
        }
        // A key press as the UI loop handles it: reduce the key, then draw the whole frame again.
        if let size = sizes.first {
            var canvas = CellGrid(width: size.width, height: size.height)
            var keyed = state
            var down = true
            let times = measure {
                _ = Reducer.reduce(&keyed, .key(.character(down ? "j" : "k")))
                down.toggle()
                renderer.render(keyed, into: &canvas)
            }
            figures.append(BenchmarkFigure(name: "frame_matrix_key_and_redraw_\(size.width)x\(size.height)_median", unit: "us",
                                           value: BenchmarkStatistics.median(times), extra: [
                                               "services": services, "keys": "j/k alternating through Reducer.reduce",
                                               "p90_us": BenchmarkStatistics.percentile(times, 0.9).map { String(format: "%.1f", $0) } ?? "-",
                                           ]))
        }
        return figures
    }

    /// Per-call times in µs; each call is long enough (hundreds of µs) to time on its own.
    private func measure(_ body: () -> Void) -> [Double] {
        for _ in 0..<10 { body() }
        return (0..<samples).map { _ in
            let start = BenchmarkStatistics.monotonicNanoseconds()
            body()
            return Double(BenchmarkStatistics.monotonicNanoseconds() &- start) / 1000
        }
    }

    /// The dashboard's state after one real poll of a simulated fleet of that size, as the UI would hold it.
    private func makeState() async -> AppState {
        // A clock that stands still: one that jumps ahead on every sleep fires the poll's deadline at once, and the
        // matrix would be timed with no services in it.
        let clock = ManualClock(now: Date(timeIntervalSince1970: 1_790_000_000))
        let simulator = SimulatedFleet(clock: clock, servicesPerEnvironment: servicesPerEnvironment)
        let config = DemoFleet.config(servicesPerEnvironment: servicesPerEnvironment)
        let setup = FleetSetup.demo(simulator: simulator, config: config, clock: clock)
        let fleet = await setup.sources.readOnce()
        return AppState(
            environments: config.environments.map(\.name), protectedEnvironments: Set(config.environments.filter(\.isProtected).map(\.name)),
            configLabel: "demo fleet", region: config.region ?? SimulatedFleet.region, readOnly: false, refresh: config.refresh,
            themeName: "default", fleet: fleet, now: clock.now())
    }
}
