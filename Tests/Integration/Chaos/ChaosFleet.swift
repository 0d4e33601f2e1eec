import AWSClient
@testable import DashboardCLI
@testable import DashboardEngine
@testable import DashboardModel
import Foundation
import TestSupport
import XCTest

/// The dashboard's pollers, wired as `ecsdash` wires them, polling moto through a chaos proxy; the test reads
/// the fleet they build from their events, as the screen would, and compares it with moto's truth.
final class ChaosFleet {
    let world: MotoWorld
    let proxy: ChaosProxy
    let refresh: TimeInterval
    let setup: FleetSetup
    private let runtime: DashboardRuntime
    private let inbox = EventInbox()
    private let configDirectory: URL
    private(set) var fleet: FleetSnapshot
    /// Every event with the time it was read.
    private(set) var events: [(at: Date, event: FleetEvent)] = []

    init(world: MotoWorld, plan: FaultPlan, seed: UInt64 = 7, refresh: TimeInterval = 4, requestTimeout: TimeInterval = 3) async throws {
        self.world = world
        self.refresh = refresh
        proxy = try await world.chaosProxy(plan, seed: seed)
        let file = try world.writeConfig(endpoint: proxy.endpoint, extra: "connect_timeout: 2s\nrequest_timeout: \(Int(requestTimeout))s\n")
        configDirectory = file.deletingLastPathComponent()
        var config = try ConfigLoader().load(explicit: file.path)
        config.refresh = refresh
        let access = try FleetAccess(config: config, environment: world.keys(of: "ci"))
        let sources = try FleetSources(config: config, contexts: access.readContext)
        setup = FleetSetup(config: config, sources: sources, clock: SystemClock(), simulator: nil, deployContext: access.deployContext)
        runtime = DashboardRuntime(setup: setup, inbox: inbox, readOnly: true, environment: ["XDG_STATE_HOME": configDirectory.path])
        fleet = FleetSnapshot(environmentNames: config.environments.map(\.name))
    }

    func start() { runtime.start() }

    func stop() async {
        runtime.stop()
        await proxy.stop()
        try? FileManager.default.removeItem(at: configDirectory)
    }

    /// Folds the events that arrived since the last call into `fleet`.
    func pump() {
        let now = Date()
        for event in inbox.drain() {
            guard case .fleet(let fleetEvent) = event else { continue }
            fleet.apply(fleetEvent)
            events.append((now, fleetEvent))
        }
    }

    /// Pumps every quarter second until `condition` holds or `limit` seconds pass; true when it held.
    @discardableResult
    func waitUntil(limit: TimeInterval, _ condition: (ChaosFleet) -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(limit)
        while Date() < deadline {
            pump()
            if condition(self) { return true }
            try? await Task.sleep(nanoseconds: 250_000_000)
        }
        pump()
        return condition(self)
    }

    /// Successful polls of `environment` whose poll started at or after `time`.
    func successes(of environment: String, since time: Date) -> Int {
        events.filter { entry in
            guard case .environmentFetched(let snapshot) = entry.event else { return false }
            return snapshot.environment == environment && snapshot.fetchedAt >= time
        }.count
    }

    /// Polls of `environment` that ended, with whether they succeeded, in order.
    func outcomes(of environment: String) -> [(at: Date, started: Date?, ok: Bool)] {
        events.compactMap { entry in
            switch entry.event {
            case .environmentFetched(let snapshot) where snapshot.environment == environment: (entry.at, snapshot.fetchedAt, true)
            case .environmentFailed(let name, _) where name == environment: (entry.at, nil, false)
            default: nil
            }
        }
    }

    /// What moto holds, read once without the proxy.
    static func truth(_ world: MotoWorld) async throws -> FleetSnapshot {
        let file = try world.writeConfig()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let config = try ConfigLoader().load(explicit: file.path)
        let access = try FleetAccess(config: config, environment: world.keys(of: "ci"))
        let truth = await (try FleetSources(config: config, contexts: access.readContext)).readOnce()
        for environment in truth.environments where environment.error != nil || environment.snapshot == nil {
            throw MotoDidNotAnswer(detail: "\(environment.name): \(environment.error.map(String.init(describing:)) ?? "no snapshot")")
        }
        return truth
    }

    /// The truth itself could not be read: moto is down or the world is not seeded.
    struct MotoDidNotAnswer: Error {
        let detail: String
    }
}
