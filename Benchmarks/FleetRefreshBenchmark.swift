import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

/// Issue 4's figures for full refreshes of a simulated fleet (4 environments × 50 services × 10 tasks):
/// API calls against the batch-limit minimum, CPU per refresh, and resident memory over 100 refreshes.
struct FleetRefreshBenchmark {
    var servicesPerEnvironment = 50
    var tasksPerService = 10
    var refreshes = 100
    /// Simulated seconds between refreshes: the default idle poll interval, so the world moves between
    /// refreshes (rollouts, crashes, stopped tasks) as much as it would between real polls.
    var interval: TimeInterval = 10
    /// Warm refreshes timed again with the simulator's time taken out.
    var splitRefreshes = 60
    /// Refreshes timed against replayed replies, with no simulator running.
    var replayedRefreshes = 100

    /// One refresh's outcome: calls made, calls the limits allow, and what it cost.
    struct Record {
        var actual: [String: Int]
        var minimum: APICallBudget
        var cpuNanoseconds: UInt64
        var wallNanoseconds: UInt64
        var errors: [String]
    }

    func run() async -> [BenchmarkFigure] {
        let size = "\(SimulatedFleet.environmentNames.count)x\(servicesPerEnvironment)x\(tasksPerService)"
        var figures = await measureRefreshes(size: size)
        figures += await measureSimulatorShare(size: size)
        return figures
    }

    private func world(_ clock: ManualClock) -> (SimulatedFleet, DashboardConfig) {
        (SimulatedFleet(clock: clock, servicesPerEnvironment: servicesPerEnvironment, tasksPerService: tasksPerService),
         DemoFleet.config(servicesPerEnvironment: servicesPerEnvironment))
    }

    /// A clock that never blocks: a retry or rate-limit sleep moves time on at once and shows in `sleptSeconds`
    /// (a stepped clock would hang the refresh instead).
    private func makeClock() -> ManualClock {
        ManualClock(now: Date(timeIntervalSince1970: 1_790_000_000), advancesOnSleep: true)
    }

    // MARK: Calls, CPU and memory through the demo's own wiring

    private func measureRefreshes(size: String) async -> [BenchmarkFigure] {
        // Resident memory before the simulated world exists and once it is built, so the client's part can be told apart.
        var resident: [Int: UInt64] = [:]
        resident[-1] = ProcessMeter.residentBytes()
        let clock = makeClock()
        let (simulator, config) = world(clock)
        let setup = FleetSetup.demo(simulator: simulator, config: config, clock: clock)
        resident[0] = ProcessMeter.residentBytes()
        var tracker = MinimumCallTracker(config: config, servicesPerEnvironment: servicesPerEnvironment)
        var records: [Record] = []
        var reuseAfterFirst = Reuse()
        for index in 1...refreshes {
            if index == 2 { reuseAfterFirst = Self.reuse(setup.sources) }
            if index > 1 { clock.advance(by: interval) }
            simulator.resetCallCounts()
            let wallStart = BenchmarkStatistics.monotonicNanoseconds()
            let cpuStart = ProcessMeter.processCPUNanoseconds()
            let fleet = await setup.sources.readOnce()
            let cpu = ProcessMeter.processCPUNanoseconds() &- cpuStart
            let wall = BenchmarkStatistics.monotonicNanoseconds() &- wallStart
            let actual = simulator.callCounts()
            records.append(Record(actual: actual, minimum: tracker.minimum(after: fleet, at: clock.now()), cpuNanoseconds: cpu,
                                  wallNanoseconds: wall, errors: Self.errors(in: fleet)))
            if [1, refreshes / 2, refreshes].contains(index) { resident[index] = ProcessMeter.residentBytes() }
        }
        let extra = ["fleet": size, "interval_s": String(Int(interval)), "clock_slept_s": String(clock.sleptSeconds)]
        let reuse = Self.reuse(setup.sources)
        let warm = Double(refreshes - 1)
        let reuseFigures = [
            BenchmarkFigure(name: "fleet_refresh_elements_decoded_warm_mean", unit: "elements",
                            value: Double(reuse.elements.misses - reuseAfterFirst.elements.misses) / warm, extra: extra.merging([
                "reused_mean": String(format: "%.1f", Double(reuse.elements.hits - reuseAfterFirst.elements.hits) / warm),
                "what": "tasks, services and ECR images per warm refresh decoded because their bytes changed, against those reused unchanged",
            ]) { $1 }),
            BenchmarkFigure(name: "fleet_refresh_replies_decoded_warm_mean", unit: "replies",
                            value: Double(reuse.replies.misses - reuseAfterFirst.replies.misses) / warm, extra: extra.merging([
                "reused_mean": String(format: "%.1f", Double(reuse.replies.hits - reuseAfterFirst.replies.hits) / warm),
                "what": "list pages' lists, the rest of describe replies, target health and pipeline states per warm refresh decoded "
                    + "because their bytes changed, against those reused unchanged",
            ]) { $1 }),
        ]
        return callFigures(records, extra: extra) + cpuFigures(records, extra: extra) + reuseFigures + memoryFigures(resident, extra: extra)
    }

    /// Decoded values reused (hits) and decoded (misses) so far, summed over the fleet's pollers.
    private struct Reuse {
        var elements: (hits: Int, misses: Int) = (0, 0)
        var replies: (hits: Int, misses: Int) = (0, 0)
    }

    private static func reuse(_ sources: FleetSources) -> Reuse {
        let elements = sources.environments.flatMap { [$0.taskCache.statistics, $0.serviceCache.statistics] }
            + (sources.registry.map { [$0.imageCache.statistics] } ?? [])
        let replies = sources.environments.map(\.replyCache.statistics) + (sources.registry.map { [$0.replyCache.statistics] } ?? [])
        func sum(_ counts: [(hits: Int, misses: Int)]) -> (hits: Int, misses: Int) {
            counts.reduce((0, 0)) { ($0.0 + $1.hits, $0.1 + $1.misses) }
        }
        return Reuse(elements: sum(elements), replies: sum(replies))
    }

    private static func errors(in fleet: FleetSnapshot) -> [String] {
        fleet.environments.flatMap { state in
            (state.error.map { ["\(state.name): \($0.description)"] } ?? []) + (state.snapshot?.errors.map { "\(state.name): \($0.description)" } ?? [])
        } + (fleet.registry?.errors.map { "registry: \($0.description)" } ?? [])
    }

    private func callFigures(_ records: [Record], extra: [String: String]) -> [BenchmarkFigure] {
        var figures: [BenchmarkFigure] = []
        if let cold = records.first {
            figures.append(BenchmarkFigure(name: "fleet_refresh_api_calls_cold", unit: "calls", value: Double(cold.actual.values.reduce(0, +)), extra: extra.merging([
                "minimum": String(cold.minimum.total),
                "by_operation": Self.describe(cold.actual),
                "difference_by_operation": Self.describe(cold.minimum.excess(of: cold.actual), signed: true),
            ]) { $1 }))
        }
        let warm = Array(records.dropFirst())
        guard let first = warm.first else { return figures }
        let equal = warm.filter { $0.minimum.excess(of: $0.actual).isEmpty }.count
        // Differences summed over every warm refresh, with how many refreshes showed each, so a rare extra page is not hidden.
        var excess: [String: (calls: Int, refreshes: Int)] = [:]
        for record in warm {
            for (operation, delta) in record.minimum.excess(of: record.actual) {
                excess[operation, default: (0, 0)].calls += delta
                excess[operation, default: (0, 0)].refreshes += 1
            }
        }
        let excessText = excess.isEmpty ? "none" : excess.keys.sorted().map { operation in
            let entry = excess[operation]!
            return "\(operation)=\(entry.calls > 0 ? "+" : "")\(entry.calls) over \(entry.refreshes) refreshes"
        }.joined(separator: ", ")
        let actualTotals = warm.map { Double($0.actual.values.reduce(0, +)) }
        let minimumTotals = warm.map { Double($0.minimum.total) }
        let errors = Set(warm.flatMap(\.errors)).sorted()
        figures.append(BenchmarkFigure(name: "fleet_refresh_api_calls_warm_median", unit: "calls", value: BenchmarkStatistics.median(actualTotals), extra: extra.merging([
            "minimum_median": BenchmarkStatistics.median(minimumTotals).map { String(Int($0)) } ?? "-",
            "equal_to_minimum": equal == warm.count ? "true" : "false",
            "refreshes_equal_to_minimum": "\(equal)/\(warm.count)",
            "difference_by_operation": excessText,
            "errors": errors.isEmpty ? "none" : errors.prefix(5).joined(separator: "; "),
            "sts_counting": "one AssumeRole per account read-role session (4 environments + registry) only when it has no cached keys "
                + "or they are within the 300 s refresh margin of their 3600 s expiry; 0 on warm refreshes here",
            "task_counts_from": "tasks in each refresh's snapshot by desiredStatus; target groups from the simulator's service layout",
        ]) { $1 }))
        // The per-operation breakdown of the first warm refresh (refresh 2); the cached operations are listed at 0 too.
        for operation in Set(first.actual.keys).union(first.minimum.calls.keys).union(APICallBudget.cachedOperations).sorted() {
            let actual = first.actual[operation, default: 0]
            let minimum = first.minimum.calls[operation, default: 0]
            figures.append(BenchmarkFigure(name: "fleet_refresh_api_calls_warm.\(operation)", unit: "calls", value: Double(actual), extra: [
                "refresh": "2", "minimum": String(minimum), "difference": String(actual - minimum),
            ]))
        }
        figures.append(BenchmarkFigure(name: "fleet_refresh_api_calls_warm_minimum", unit: "calls", value: Double(first.minimum.total), extra: [
            "refresh": "2", "by_operation": Self.describe(first.minimum.calls), "actual": String(first.actual.values.reduce(0, +)),
        ]))
        return figures
    }

    private func cpuFigures(_ records: [Record], extra: [String: String]) -> [BenchmarkFigure] {
        let warm = records.dropFirst()
        let cpu = warm.map { Double($0.cpuNanoseconds) / 1_000_000 }
        let wall = warm.map { Double($0.wallNanoseconds) / 1_000_000 }
        let details = extra.merging([
            "refreshes": String(warm.count), "target_ms": "20",
            "includes": "the in-process simulator answering every call (see fleet_refresh_cpu_client_median)",
            "wall_ms_median": BenchmarkStatistics.median(wall).map { String(format: "%.2f", $0) } ?? "-",
        ]) { $1 }
        return [
            BenchmarkFigure(name: "fleet_refresh_cpu_process_median", unit: "ms", value: BenchmarkStatistics.median(cpu), extra: details),
            BenchmarkFigure(name: "fleet_refresh_cpu_process_p90", unit: "ms", value: BenchmarkStatistics.percentile(cpu, 0.9), extra: extra),
        ]
    }

    private func memoryFigures(_ resident: [Int: UInt64], extra: [String: String]) -> [BenchmarkFigure] {
        let megabyte = 1024.0 * 1024.0
        let half = refreshes / 2
        guard let last = resident[refreshes], let middle = resident[half] else {
            return [
                .skipped("fleet_rss_after_\(refreshes)_refreshes", unit: "MB", reason: "no /proc/self/status VmRSS on this platform"),
                .skipped("fleet_rss_growth_\(half)_to_\(refreshes)", unit: "MB", reason: "no /proc/self/status VmRSS on this platform"),
            ]
        }
        let includes = "whole bench process: client, simulated world (its stopped tasks, events and logs grow with time) and runtime"
        return [
            BenchmarkFigure(name: "fleet_rss_after_\(refreshes)_refreshes", unit: "MB", value: Double(last) / megabyte, extra: extra.merging([
                "target_mb": "60", "mb": "MiB of VmRSS", "includes": includes,
                "before_world_mb": resident[-1].map { String(format: "%.1f", Double($0) / megabyte) } ?? "-",
                "world_built_mb": resident[0].map { String(format: "%.1f", Double($0) / megabyte) } ?? "-",
                "after_refresh_1_mb": resident[1].map { String(format: "%.1f", Double($0) / megabyte) } ?? "-",
            ]) { $1 }),
            BenchmarkFigure(name: "fleet_rss_growth_\(half)_to_\(refreshes)", unit: "MB", value: (Double(last) - Double(middle)) / megabyte, extra: extra.merging([
                "target_mb": "0", "at_\(half)_mb": String(format: "%.1f", Double(middle) / megabyte), "includes": includes,
            ]) { $1 }),
        ]
    }

    // MARK: The simulator's share of the CPU

    /// The same refreshes through the demo wiring with the simulator's transport timed (and then replayed).
    private func measureSimulatorShare(size: String) async -> [BenchmarkFigure] {
        let clock = makeClock()
        let (simulator, config) = world(clock)
        let timed = TimedTransport(simulator.transport)
        let replay = ReplayTransport(timed)
        let sources = FleetSetup.demo(simulator: simulator, config: config, clock: clock, transport: replay).sources
        var process: [Double] = []
        var inside: [Double] = []
        var client: [Double] = []
        for index in 0...splitRefreshes {
            if index > 0 { clock.advance(by: interval) }
            let simulatorStart = timed.spentNanoseconds
            let cpuStart = ProcessMeter.processCPUNanoseconds()
            _ = await sources.readOnce()
            let cpu = ProcessMeter.processCPUNanoseconds() &- cpuStart
            let simulated = timed.spentNanoseconds &- simulatorStart
            guard index > 0 else { continue }  // the cold refresh assumes roles and fills caches
            process.append(Double(cpu) / 1_000_000)
            inside.append(Double(simulated) / 1_000_000)
            client.append(Double(cpu) / 1_000_000 - Double(simulated) / 1_000_000)
        }
        let share = zip(inside, process).map { $1 > 0 ? $0 / $1 * 100 : 0 }
        let extra = ["fleet": size, "refreshes": String(process.count), "simulator_threads_hopped": String(timed.threadHops)]
        let replayed = await measureReplay(sources: sources, replay: replay)
        return [
            BenchmarkFigure(name: "fleet_refresh_cpu_simulator_median", unit: "ms", value: BenchmarkStatistics.median(inside), extra: extra.merging([
                "how": "thread CPU time inside the simulated transport's send",
                "share_of_process_percent_median": BenchmarkStatistics.median(share).map { String(format: "%.1f", $0) } ?? "-",
                "process_ms_median": BenchmarkStatistics.median(process).map { String(format: "%.2f", $0) } ?? "-",
            ]) { $1 }),
            BenchmarkFigure(name: "fleet_refresh_cpu_client_median", unit: "ms", value: BenchmarkStatistics.median(client), extra: extra.merging([
                "how": "process CPU minus time inside the simulated transport, per refresh; includes what the simulator's lock "
                    + "makes the client's threads pay (blocking, waking)", "target_ms": "20",
                "p90_ms": BenchmarkStatistics.percentile(client, 0.9).map { String(format: "%.2f", $0) } ?? "-",
            ]) { $1 }),
            BenchmarkFigure(name: "fleet_refresh_cpu_client_replayed_median", unit: "ms", value: BenchmarkStatistics.median(replayed.cpu),
                            extra: ["fleet": size, "refreshes": String(replayed.cpu.count), "target_ms": "20",
                                    "how": "process CPU of a warm refresh whose replies are played back from a recording of the "
                                        + "simulator's, so no simulated AWS runs in the process; nothing changed since the recording",
                                    "p90_ms": BenchmarkStatistics.percentile(replayed.cpu, 0.9).map { String(format: "%.2f", $0) } ?? "-",
                                    "unanswered_requests": String(replayed.unanswered)]),
            replayed.residentGrowth.map {
                BenchmarkFigure(name: "fleet_rss_growth_over_replayed_refreshes", unit: "MB", value: $0, extra: [
                    "fleet": size, "target_mb": "0", "refreshes": String(replayedRefreshes - replayedRefreshes / 10),
                    "how": "VmRSS after the last replayed refresh minus after the first tenth; the world is frozen, so this is the client's",
                ])
            } ?? .skipped("fleet_rss_growth_over_replayed_refreshes", unit: "MB", reason: "no /proc/self/status VmRSS on this platform"),
        ]
    }

    /// Records one more refresh of the warm sources, then times refreshes that get those same replies back.
    /// Resident memory is read after the first tenth of the replays and at the end: with the world frozen,
    /// any growth between the two is the client's.
    private func measureReplay(sources: FleetSources, replay: ReplayTransport) async -> (cpu: [Double], unanswered: Int, residentGrowth: Double?) {
        replay.startRecording()
        _ = await sources.readOnce()
        replay.startReplaying()
        var cpu: [Double] = []
        var early: UInt64?
        for index in 0..<replayedRefreshes {
            if index == replayedRefreshes / 10 { early = ProcessMeter.residentBytes() }
            let start = ProcessMeter.processCPUNanoseconds()
            _ = await sources.readOnce()
            cpu.append(Double(ProcessMeter.processCPUNanoseconds() &- start) / 1_000_000)
        }
        var growth: Double?
        if let early, let late = ProcessMeter.residentBytes() { growth = (Double(late) - Double(early)) / 1024 / 1024 }
        return (cpu, replay.unansweredCount, growth)
    }

    /// `A=1, B=2` in key order, or `none`.
    static func describe(_ counts: [String: Int], signed: Bool = false) -> String {
        guard !counts.isEmpty else { return "none" }
        return counts.keys.sorted().map { key in
            let value = counts[key]!
            return "\(key)=\(signed && value > 0 ? "+" : "")\(value)"
        }.joined(separator: ", ")
    }
}
