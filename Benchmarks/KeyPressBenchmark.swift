import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

/// Issue 5's latency figure: from `tmux send-keys` of `j`/`k` until `capture-pane` shows the selection
/// mark on its new row, with `ecsdash --demo` running in a real terminal (tmux) at 120×40.
struct KeyPressBenchmark {
    var presses = 30
    var warmupPresses = 4
    var width = 120
    var height = 40
    /// Give up on one press after this long; it then counts as a miss, not a time.
    var pressTimeout: TimeInterval = 2
    /// Pause between presses so each one meets an idle dashboard, as a person's keys do.
    var pauseMicroseconds: UInt32 = 120_000

    static let name = "keypress_to_screen"

    func run() -> [BenchmarkFigure] {
        guard let executable = DashboardProcess.executable() else {
            return skip("ecsdash not found next to the benchmark binary (build it into the same scratch path, or set ECSDASH_BIN)")
        }
        guard let session = try? TmuxSession(DashboardProcess.demoCommand(executable), width: width, height: height) else {
            return skip("tmux is not installed or new-session failed")
        }
        // The pane's process: the shell until it execs, then the dashboard itself, under the same pid.
        let dashboard = session.panePID()
        var figures = measure(session)
        let exited = session.stop(program: dashboard)
        if dashboard != nil, !figures.isEmpty { figures[0].extra["dashboard_exited_on_hangup"] = String(exited) }
        return figures
    }

    private func measure(_ session: TmuxSession) -> [BenchmarkFigure] {
        guard let first = session.waitForRows(timeout: 60, { DashboardProcess.markRow($0) != nil }), var row = DashboardProcess.markRow(first) else {
            return skip("the dashboard drew no matrix within 60 s")
        }
        // Each matrix row is two screen lines: `j` moves the mark two lines down, `k` brings it back.
        var times: [Double] = []
        var misses = 0
        for press in 0..<(warmupPresses + presses) {
            let down = press % 2 == 0
            let expected = row + (down ? 2 : -2)
            let start = BenchmarkStatistics.monotonicNanoseconds()
            try? session.send(down ? "j" : "k")
            let screen = session.waitForRows(timeout: pressTimeout, pollMicroseconds: 2000) { DashboardProcess.markRow($0) == expected }
            let elapsed = Double(BenchmarkStatistics.monotonicNanoseconds() &- start) / 1_000_000
            if screen != nil {
                if press >= warmupPresses { times.append(elapsed) }
                row = expected
            } else {
                misses += 1
                row = DashboardProcess.markRow(session.captureRows()) ?? row
            }
            usleep(pauseMicroseconds)
        }
        // What tmux itself costs here: the floor under every figure above.
        let captureCost = (0..<20).map { _ in
            let start = BenchmarkStatistics.monotonicNanoseconds()
            _ = session.captureRows()
            return Double(BenchmarkStatistics.monotonicNanoseconds() &- start) / 1_000_000
        }
        let extra = [
            "presses": String(times.count), "misses": String(misses), "terminal": "tmux \(width)x\(height)", "target_ms": "50",
            "capture_pane_ms_median": BenchmarkStatistics.median(captureCost).map { String(format: "%.2f", $0) } ?? "-",
            "how": "send-keys, then capture-pane every ~2 ms until the selection mark moves; includes spawning the tmux clients",
        ]
        return [
            BenchmarkFigure(name: "\(Self.name)_median", unit: "ms", value: BenchmarkStatistics.median(times), extra: extra),
            BenchmarkFigure(name: "\(Self.name)_p90", unit: "ms", value: BenchmarkStatistics.percentile(times, 0.9), extra: ["presses": String(times.count)]),
        ]
    }

    private func skip(_ reason: String) -> [BenchmarkFigure] {
        [.skipped("\(Self.name)_median", unit: "ms", reason: reason), .skipped("\(Self.name)_p90", unit: "ms", reason: reason)]
    }
}
