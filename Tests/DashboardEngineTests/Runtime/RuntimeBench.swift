import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
@testable import FleetSimulator
import Foundation
import TestSupport

/// A runtime over the simulated fleet on a manual clock, its events folded into an app state and the reducer's
/// effects handed back to it, as the UI loop does.
final class RuntimeBench: @unchecked Sendable {
    let harness: SimulatorHarness
    let setup: FleetSetup
    let inbox = EventInbox()
    let runtime: DashboardRuntime
    private(set) var state: AppState

    /// Four environments and the registry: what `--demo` polls.
    static let loops = 5

    init(harness: SimulatorHarness = SimulatorHarness(), setup: FleetSetup? = nil) {
        self.harness = harness
        let setup = setup ?? FleetSetup.demo(simulator: harness.fleet, config: DemoFleet.config(), clock: harness.clock)
        self.setup = setup
        let directory = Scratch.directory("runtime")
        runtime = DashboardRuntime(setup: setup, inbox: inbox, environment: ["XDG_STATE_HOME": directory.path])
        let names = setup.config.environments.map(\.name)
        state = AppState(environments: names, protectedEnvironments: Set(setup.config.environments.filter(\.isProtected).map(\.name)),
                         configLabel: "test", region: SimulatedFleet.region, readOnly: false, refresh: setup.config.refresh,
                         themeName: "default", fleet: FleetSnapshot(environmentNames: names), now: harness.clock.now())
    }

    /// A demo fleet whose `environment` signs with keys that expire in ten minutes and that nothing can renew (like
    /// session keys in environment variables); the others sign with hour-long role sessions.
    static func withExpiringKeys(in environment: String) async throws -> RuntimeBench {
        let harness = SimulatorHarness()
        let config = DemoFleet.config()
        var keysByAccount: [String: Credentials] = [:]
        for name in config.environments.map(\.name) + ["registry"] {
            var keys = try await harness.roleContext(name).credentials.credentials()
            if name == environment { keys.expiration = harness.clock.now().addingTimeInterval(10 * 60) }
            let account = name == "registry" ? SimulatedFleet.registryAccount : SimulatedFleet.environmentAccounts[name]!
            keysByAccount[account] = keys
        }
        let keys = keysByAccount
        let sources = FleetSources(config: config, contexts: { access in harness.context(keys[access.account]!) }, clock: harness.clock)
        let setup = FleetSetup(config: config, sources: sources, clock: harness.clock, simulator: harness.fleet, deployContext: { _ in nil })
        return RuntimeBench(harness: harness, setup: setup)
    }

    /// Applies what the runtime reported so far, running the effects the reducer asks for.
    func drain() {
        for event in inbox.drain() {
            for effect in Reducer.reduce(&state, event) { execute(effect) }
        }
    }

    func execute(_ effect: Effect) {
        runtime.execute(effect, state: state)
    }

    /// Folds events in until `condition` holds; returns whether it did within `timeout` (real seconds, an upper
    /// bound for a broken build, not a wait the test relies on).
    @discardableResult
    func settle(timeout: TimeInterval = 5, until condition: (AppState) -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            drain()
            if condition(state) { return true }
            guard Date() < deadline else { return false }
            await Task.yield()
            try? await Task.sleep(nanoseconds: 1_000_000)
        }
    }

    /// Every environment has been read once.
    func everyEnvironmentRead(_ state: AppState) -> Bool {
        state.environments.allSatisfy { state.fleet.state($0)?.snapshot != nil }
    }

    /// Waits until every loop sleeps its idle wait, and says what they asked for.
    func idleSleeps(count: Int = RuntimeBench.loops, timeout: TimeInterval = 5, matching condition: @escaping ([TimeInterval]) -> Bool) async -> Bool {
        await harness.clock.waitForSleeps(timeout: timeout) { sleeps in sleeps.count == count && condition(sleeps) }
    }
}
