import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

/// `ecsdash-bench hang`: the real `ecsdash` in tmux, pointed at the simulated fleet through the fault proxy in
/// this process, with its CPU read from `/proc` over a window with every environment healthy and over one with
/// prod hanging on every call. A hanging account must cost no more than a healthy one.
struct HangCPUBenchmark {
    let chaos: BenchmarkChaos
    /// Seconds per window; `ECSDASH_BENCH_HANG_SECONDS` changes it.
    var seconds: Double = 60
    var width = 120
    var height = 40

    init(chaos: BenchmarkChaos, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.chaos = chaos
        if let text = environment["ECSDASH_BENCH_HANG_SECONDS"], let value = Double(text), value > 0 { seconds = value }
    }

    func run() async -> [BenchmarkFigure] {
        guard let executable = DashboardProcess.executable() else {
            return [skip("ecsdash not found next to the benchmark binary (build it into the same scratch path, or set ECSDASH_BIN)")]
        }
        let simulator = SimulatedFleet(clock: ManualClock(now: Date()))
        let endpoint: String
        do {
            endpoint = try await chaos.start(simulator.transport, [SimulatedFleet.demoCredentials.accessKeyId: SimulatedFleet.baseAccount])
        } catch {
            return [skip("the proxy did not start: \(error)")]
        }
        defer { Task { await chaos.stop() } }
        let directory = Scratch.directory("hang")
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("ecsdash.yaml")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Self.configText(endpoint: endpoint).write(to: config, atomically: true, encoding: .utf8)
        } catch {
            return [skip("cannot write the config: \(error)")]
        }
        let keys = SimulatedFleet.demoCredentials
        let command = "exec env AWS_ACCESS_KEY_ID=\(keys.accessKeyId) AWS_SECRET_ACCESS_KEY='\(keys.secretAccessKey)' XDG_STATE_HOME='\(directory.path)' "
            + "'\(executable)' --config '\(config.path)'"
        guard let session = try? TmuxSession(command, width: width, height: height) else { return [skip("tmux is not installed or cannot start")] }
        defer { session.stop() }
        guard session.waitForRows(timeout: 60, { screen in screen.contains { $0.contains("prod→") } }) != nil,
              let pane = session.panePID(), let pid = DashboardProcess.dashboardPID(panePID: pane) else {
            return [skip("the dashboard drew no prod cell within 60 s")]
        }
        guard let healthy = await cpuPercent(pid: pid) else { return [skip("the dashboard exited while healthy")] }
        chaos.setMode(.hang(account: SimulatedFleet.environmentAccounts["prod"] ?? ""))
        // Let prod's polls in flight reach their hang, and its first deadline pass, before the window opens.
        try? await Task.sleep(nanoseconds: 20_000_000_000)
        guard let hanging = await cpuPercent(pid: pid) else { return [skip("the dashboard exited while prod hung")] }
        let failing = session.captureRows().contains { $0.contains("PROD") && ($0.contains("Timeout") || $0.contains("stale")) }
        let extra = ["window_s": String(format: "%.0f", seconds), "terminal": "tmux \(width)x\(height)", "refresh_s": "10",
                     "world": "simulator, 4 environments x 5 services, stopped clock, through the fault proxy"]
        return [
            BenchmarkFigure(name: "hang_cpu_healthy", unit: "percent", value: healthy, extra: extra),
            BenchmarkFigure(name: "hang_cpu_one_hanging", unit: "percent", value: hanging,
                            extra: extra.merging(["hanging": "prod, every call", "prod_marked_on_screen": String(failing)]) { $1 }),
        ]
    }

    /// The dashboard's user + system CPU over one window, as a percentage of one core.
    private func cpuPercent(pid: Int32) async -> Double? {
        guard let before = ProcessMeter.cpuSeconds(pid: pid) else { return nil }
        let start = BenchmarkStatistics.monotonicNanoseconds()
        try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
        guard let after = ProcessMeter.cpuSeconds(pid: pid) else { return nil }
        let elapsed = Double(BenchmarkStatistics.monotonicNanoseconds() &- start) / 1_000_000_000
        return (after - before) / elapsed * 100
    }

    /// The demo fleet's accounts and roles as a user's config file would name them, aimed at `endpoint`.
    static func configText(endpoint: String) -> String {
        var lines = ["region: \(SimulatedFleet.region)", "endpoint_url: \(endpoint)", "refresh: 10s", "registry:",
                     "  account: \"\(SimulatedFleet.registryAccount)\"",
                     "  role_arn: arn:aws:iam::\(SimulatedFleet.registryAccount):role/\(SimulatedFleet.readOnlyRoleName)", "environments:"]
        for name in SimulatedFleet.environmentNames {
            let account = SimulatedFleet.environmentAccounts[name] ?? ""
            lines += ["  - name: \(name)", "    account: \"\(account)\"", "    role_arn: arn:aws:iam::\(account):role/\(SimulatedFleet.readOnlyRoleName)",
                      "    cluster: app-\(name)"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func skip(_ reason: String) -> BenchmarkFigure {
        .skipped("hang_cpu_one_hanging", unit: "percent", reason: reason)
    }
}
