import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

/// `ecsdash-bench soak --minutes N`: the dashboard's pollers, wired as `ecsdash` wires them for real AWS (the
/// network transport, role assumption, retries, deadlines), poll the simulated fleet on a stopped clock through a
/// fault-injecting proxy for N minutes at about 20 % faults, then the faults stop. It reports the polls completed,
/// the oldest data any environment showed, every wrong value shown, and how long recovery took.
struct SoakBenchmark {
    var minutes: Double
    var refresh: TimeInterval = 5
    var faultRate = 0.2
    let chaos: BenchmarkChaos

    static let name = "soak"

    func run() async -> [BenchmarkFigure] {
        do {
            return try await measure()
        } catch {
            return [.skipped("\(Self.name)_polls_completed", unit: "polls", reason: "\(error)")]
        }
    }

    private func measure() async throws -> [BenchmarkFigure] {
        // A stopped clock: the world never changes, so whatever the pollers show must equal the first clean read.
        let simulator = SimulatedFleet(clock: ManualClock(now: Date()))
        let truth = await FleetSetup.demo(simulator: simulator, config: DemoFleet.config(), clock: SystemClock()).sources.readOnce()
        let endpoint = try await chaos.start(simulator.transport, [SimulatedFleet.demoCredentials.accessKeyId: SimulatedFleet.baseAccount])
        chaos.setMode(.mixed(rate: faultRate))
        let state = Scratch.directory("soak")
        defer { try? FileManager.default.removeItem(at: state) }
        var config = DemoFleet.config()
        config.endpointURL = endpoint
        config.refresh = refresh
        config.connectTimeout = 2
        config.requestTimeout = 3
        let keys = ["AWS_ACCESS_KEY_ID": SimulatedFleet.demoCredentials.accessKeyId, "AWS_SECRET_ACCESS_KEY": SimulatedFleet.demoCredentials.secretAccessKey]
        let access = try FleetAccess(config: config, environment: keys)
        let setup = FleetSetup(config: config, sources: try FleetSources(config: config, contexts: access.readContext), clock: SystemClock(),
                               simulator: nil, deployContext: access.deployContext)
        let inbox = EventInbox()
        let runtime = DashboardRuntime(setup: setup, inbox: inbox, readOnly: true, environment: ["XDG_STATE_HOME": state.path])
        var watch = SoakWatch(environments: config.environments.map(\.name), truth: truth)
        let cpuBefore = ProcessMeter.processCPUNanoseconds()
        let started = Date()
        runtime.start()
        let faultsEnd = started.addingTimeInterval(minutes * 60)
        while Date() < faultsEnd {
            try? await Task.sleep(nanoseconds: 1_000_000_000)
            watch.observe(inbox.drain(), now: Date())
        }
        let cpuSeconds = Double(ProcessMeter.processCPUNanoseconds() - cpuBefore) / 1e9
        let soaked = Date().timeIntervalSince(started)
        let faults = chaos.counts()
        chaos.setMode(.none)
        let calm = Date()
        var recovery: TimeInterval?
        while recovery == nil && Date().timeIntervalSince(calm) < max(60, refresh * 6) {
            try? await Task.sleep(nanoseconds: 100_000_000)
            watch.observe(inbox.drain(), now: Date())
            if watch.recovered(since: calm) { recovery = Date().timeIntervalSince(calm) }
        }
        runtime.stop()
        await chaos.stop()
        let wrongAfterCalm = FleetTruth.wrongCells(watch.fleet, truth: truth)
        let common = ["minutes": String(format: "%.1f", soaked / 60), "refresh_s": "\(Int(refresh))", "fault_rate": "\(faultRate)",
                      "world": "simulator, 4 environments x 5 services x 2 tasks, stopped clock"]
        return [
            BenchmarkFigure(name: "soak_polls_completed", unit: "polls", value: Double(watch.completed.values.reduce(0, +)), extra: common.merging([
                "per_environment": watch.completed.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "),
                "failed": watch.failed.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "),
                "requests": "\(faults.requests)", "faults_injected": "\(faults.injected)",
            ]) { $1 }),
            BenchmarkFigure(name: "soak_max_cell_age", unit: "s", value: watch.maxAge, extra: common.merging([
                "stale_after_s": "\(Int(refresh * EnvironmentState.staleAfterIntervals))",
                "per_environment": watch.maxAgeByEnvironment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Int($0.value))" }.joined(separator: " "),
            ]) { $1 }),
            BenchmarkFigure(name: "soak_wrong_cells", unit: "cells", value: Double(watch.wrong.count + wrongAfterCalm.count), extra: common.merging([
                "examples": (Array(watch.wrong) + wrongAfterCalm).sorted().prefix(5).joined(separator: "; "),
            ]) { $1 }),
            recovery.map { BenchmarkFigure(name: "soak_recovery", unit: "s", value: $0, extra: common.merging(["polls_allowed": "2"]) { $1 }) }
                ?? .skipped("soak_recovery", unit: "s", reason: "not every environment and the registry were fresh again within \(Int(max(60, refresh * 6))) s"),
            BenchmarkFigure(name: "soak_process_cpu", unit: "percent", value: cpuSeconds / soaked * 100, extra: common.merging([
                "note": "pollers, the proxy and the simulator share this process",
            ]) { $1 }),
        ]
    }
}

/// What the soak has seen so far: the fleet the events built, polls per environment, ages and wrong values.
struct SoakWatch {
    let truth: FleetSnapshot
    private(set) var fleet: FleetSnapshot
    private(set) var completed: [String: Int] = [:]
    private(set) var failed: [String: Int] = [:]
    private(set) var maxAgeByEnvironment: [String: TimeInterval] = [:]
    private(set) var wrong: Set<String> = []
    private var lastSuccessStart: [String: Date] = [:]

    init(environments: [String], truth: FleetSnapshot) {
        self.truth = truth
        fleet = FleetSnapshot(environmentNames: environments)
    }

    var maxAge: Double { maxAgeByEnvironment.values.max() ?? 0 }

    mutating func observe(_ events: [AppEvent], now: Date) {
        for event in events {
            guard case .fleet(let fleetEvent) = event else { continue }
            fleet.apply(fleetEvent)
            switch fleetEvent {
            case .environmentFetched(let snapshot):
                completed[snapshot.environment, default: 0] += 1
                lastSuccessStart[snapshot.environment] = snapshot.fetchedAt
            case .environmentFailed(let name, _):
                failed[name, default: 0] += 1
            default:
                break
            }
        }
        for state in fleet.environments {
            guard let age = state.age(now: now) else { continue }
            maxAgeByEnvironment[state.name] = max(maxAgeByEnvironment[state.name] ?? 0, age)
        }
        wrong.formUnion(FleetTruth.wrongCells(fleet, truth: truth))
    }

    /// Every environment has data from a poll that started after `calm`, and so has the registry.
    func recovered(since calm: Date) -> Bool {
        fleet.environmentNames.allSatisfy { (lastSuccessStart[$0] ?? .distantPast) >= calm }
            && (fleet.registry.map { $0.fetchedAt >= calm && $0.errors.isEmpty } ?? false)
    }
}
