import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

/// Issue 5's idle figure: CPU used by `ecsdash --demo` left alone in tmux, from its utime + stime in
/// `/proc/PID/stat` before and after the window, as a percentage of one core.
struct IdleCPUBenchmark {
    /// Seconds to watch; `ECSDASH_BENCH_IDLE_SECONDS` shortens it for a quick look.
    var seconds: Double = 60
    /// Let the first polls and the first frames settle before the window opens.
    var settleSeconds: Double = 3
    var width = 120
    var height = 40

    static let name = "idle_cpu"

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let text = environment["ECSDASH_BENCH_IDLE_SECONDS"], let value = Double(text), value > 0 { seconds = value }
    }

    func run() -> [BenchmarkFigure] {
        guard let executable = DashboardProcess.executable() else {
            return [skip("ecsdash not found next to the benchmark binary (build it into the same scratch path, or set ECSDASH_BIN)")]
        }
        guard let session = try? TmuxSession(DashboardProcess.demoCommand(executable), width: width, height: height) else {
            return [skip("tmux is not installed or new-session failed")]
        }
        // The pane's process: the shell until it execs, then the dashboard itself, under the same pid.
        let dashboard = session.panePID()
        var figure = measure(session)
        let exited = session.stop(program: dashboard)
        if dashboard != nil { figure.extra["dashboard_exited_on_hangup"] = String(exited) }
        return [figure]
    }

    private func measure(_ session: TmuxSession) -> BenchmarkFigure {
        guard session.waitForRows(timeout: 60, { DashboardProcess.markRow($0) != nil }) != nil else {
            return skip("the dashboard drew no matrix within 60 s")
        }
        guard let pane = session.panePID(), let pid = DashboardProcess.dashboardPID(panePID: pane) else {
            return skip("could not find the ecsdash process under the tmux pane")
        }
        usleep(UInt32(settleSeconds * 1_000_000))
        guard let before = ProcessMeter.cpuSeconds(pid: pid) else { return skip("no /proc/\(pid)/stat (not Linux?)") }
        let start = BenchmarkStatistics.monotonicNanoseconds()
        // Sleep in short steps, touching nothing, so the benchmark's own wake-ups stay off the dashboard's books.
        let end = start + UInt64(seconds * 1_000_000_000)
        while BenchmarkStatistics.monotonicNanoseconds() < end { usleep(200_000) }
        guard let after = ProcessMeter.cpuSeconds(pid: pid) else { return skip("the dashboard exited during the window") }
        let elapsed = Double(BenchmarkStatistics.monotonicNanoseconds() &- start) / 1_000_000_000
        let alive = DashboardProcess.markRow(session.captureRows()) != nil
        return BenchmarkFigure(name: "\(Self.name)_percent_of_core", unit: "percent", value: (after - before) / elapsed * 100, extra: [
            "window_s": String(format: "%.1f", elapsed), "cpu_s": String(format: "%.2f", after - before), "target_percent": "1",
            "terminal": "tmux \(width)x\(height)", "matrix_still_drawn": String(alive),
            "resolution": "clock ticks of 1/\(sysconf(Int32(_SC_CLK_TCK))) s",
        ])
    }

    private func skip(_ reason: String) -> BenchmarkFigure {
        .skipped("\(Self.name)_percent_of_core", unit: "percent", reason: reason)
    }
}
