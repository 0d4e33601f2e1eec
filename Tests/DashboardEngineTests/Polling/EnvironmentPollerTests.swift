import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
@testable import FleetSimulator
import Foundation
import TestSupport
import XCTest

final class EnvironmentPollerTests: XCTestCase {
    /// Records events and counts fetches; the fetch can be made slow, failing or busy.
    final class Probe: @unchecked Sendable {
        private let lock = NSLock()
        private var eventsStore: [FleetEvent] = []
        private var fetchesStore = 0
        var failNext = false
        var busy = false

        var events: [FleetEvent] { lock.withLock { eventsStore } }
        var fetches: Int { lock.withLock { fetchesStore } }

        func record(_ event: FleetEvent) { lock.withLock { eventsStore.append(event) } }

        func fetch(_ name: String, _ now: Date) throws -> EnvironmentSnapshot {
            let (fail, busy) = lock.withLock { () -> (Bool, Bool) in
                fetchesStore += 1
                return (failNext, self.busy)
            }
            if fail { throw AWSError(service: "ECS", operation: "ListServices", status: 400, code: "ThrottlingException", message: "Rate exceeded") }
            var service = ServiceSnapshot.fixture(name: "frontend")
            if busy { service.rolloutState = .inProgress }
            return EnvironmentSnapshot(environment: name, account: "222222222222", cluster: "app", fetchedAt: now, services: [service],
                                       pipelines: [], errors: [], apiCalls: 3)
        }
    }

    func makePoller(_ probe: Probe, clock: ManualClock, name: String = "dev", random: Double = 1.0) -> EnvironmentPoller {
        EnvironmentPoller(name: name, cadence: PollCadence(idle: 10, active: 2, maxBackoff: 300, random: { random }), clock: clock,
                          fetch: { try probe.fetch(name, $0) }, emit: { probe.record($0) })
    }

    func waitUntil(_ condition: @escaping () -> Bool) async {
        for _ in 0..<2000 where !condition() {
            try? await Task.sleep(nanoseconds: 1_000_000)
        }
    }

    func testIdleCadenceThenFastWhileDeploying() async {
        let clock = ManualClock()
        let probe = Probe()
        let poller = makePoller(probe, clock: clock)
        let loop = Task { await poller.run() }
        defer { loop.cancel() }
        await waitUntil { probe.fetches == 1 }
        await clock.waitForSleepers(1)
        clock.advance(by: 9)
        // Nine seconds do not reach the poller's 10 s wait, so it is still asleep on the clock: no fetch can follow.
        XCTAssertEqual(clock.sleeperCount, 1, "the idle wait is still pending after 9 s")
        XCTAssertEqual(probe.fetches, 1, "idle interval is 10 s")
        probe.busy = true
        clock.advance(by: 1)
        await waitUntil { probe.fetches == 2 }
        await clock.waitForSleepers(1)
        clock.advance(by: 2)
        await waitUntil { probe.fetches == 3 }
        XCTAssertEqual(probe.fetches, 3, "a rollout in progress polls every 2 s")
    }

    func testFailuresBackOffAndKeepTheError() async {
        let clock = ManualClock()
        let probe = Probe()
        probe.failNext = true
        let poller = makePoller(probe, clock: clock)
        let loop = Task { await poller.run() }
        defer { loop.cancel() }
        // With jitter pinned to the top, waits are 10, 20, 40 s.
        for (expectedFetches, wait) in [(1, 10.0), (2, 20.0), (3, 40.0)] {
            await waitUntil { probe.fetches == expectedFetches }
            await clock.waitForSleepers(1)
            clock.advance(by: wait - 0.5)
            XCTAssertEqual(clock.sleeperCount, 1, "the back-off wait is still pending just before \(wait) s")
            XCTAssertEqual(probe.fetches, expectedFetches, "still backing off before \(wait) s")
            clock.advance(by: 0.5)
        }
        await waitUntil { probe.fetches == 4 }
        let failures = probe.events.compactMap { event -> FetchError? in
            if case .environmentFailed(_, let error) = event { return error }
            return nil
        }
        XCTAssertGreaterThanOrEqual(failures.count, 3)
        XCTAssertEqual(failures.first?.code, "ThrottlingException")
        XCTAssertEqual(failures.first?.kind, "throttling")
    }

    func testRefreshNowSkipsTheWaitButNeverOverlapsPolls() async {
        let clock = ManualClock()
        let probe = Probe()
        let poller = makePoller(probe, clock: clock)
        let loop = Task { await poller.run() }
        defer { loop.cancel() }
        await waitUntil { probe.fetches == 1 }
        for _ in 0..<5 { await poller.refreshNow() }
        await waitUntil { probe.fetches >= 2 }
        // Once the poller is back in its idle wait on the manual clock, the requests have been served: how many
        // collapsed depends on scheduling; what must hold is at most one extra poll per request, none overlapping.
        await clock.waitForSleepers(1)
        XCTAssertLessThanOrEqual(probe.fetches, 6)
        let overlap = await poller.maxPollsInFlight
        XCTAssertEqual(overlap, 1)
        XCTAssertEqual(clock.pendingSleeps, [10], "the idle wait resumed and nothing else is pending")
    }

    func testAHangingEnvironmentDoesNotDelayAnother() async {
        let clock = ManualClock()
        let healthy = Probe()
        let stuck = EnvironmentPoller(name: "prod", cadence: PollCadence(idle: 10), clock: clock,
                                      fetch: { _ in try await clock.sleep(seconds: 10_000); throw CancellationError() }, emit: { _ in })
        let poller = makePoller(healthy, clock: clock)
        let stuckLoop = Task { await stuck.run() }
        let loop = Task { await poller.run() }
        defer {
            loop.cancel()
            stuckLoop.cancel()
        }
        for round in 1...3 {
            await waitUntil { healthy.fetches == round }
            await clock.waitForSleepers(2)
            clock.advance(by: 10)
        }
        await waitUntil { healthy.fetches == 4 }
        XCTAssertEqual(healthy.fetches, 4, "dev kept its cadence while prod hung")
    }

    /// A poll that never ends is cut at its deadline: the environment is marked failed, naming what it waited on,
    /// and the next poll starts within one idle interval.
    func testAPollThatNeverEndsIsCutAtItsDeadline() async {
        let clock = ManualClock()
        let events = Probe()
        let started = LockedCounter()
        let poller = EnvironmentPoller(name: "prod", cadence: PollCadence(idle: 10, random: { 1 }), clock: clock, deadline: PollDeadline(seconds: 30),
                                       inFlight: { ["ECS DescribeTasks"] },
                                       fetch: { _ in started.increment(); try await clock.sleep(seconds: 1_000_000); throw CancellationError() },
                                       emit: { events.record($0) })
        let loop = Task { await poller.run() }
        defer { loop.cancel() }
        await waitUntil { started.value == 1 }
        // The fetch and the deadline both sleep on the clock.
        await clock.waitForSleepers(2)
        clock.advance(by: 30)
        await waitUntil { events.events.contains { if case .environmentFailed = $0 { true } else { false } } }
        guard case .environmentFailed(let name, let error)? = events.events.last else { return XCTFail("no failure: \(events.events)") }
        XCTAssertEqual(name, "prod")
        XCTAssertEqual(error.code, "PollTimeout")
        XCTAssertEqual(error.operation, "ECS DescribeTasks")
        XCTAssertTrue(error.message.contains("30s") && error.message.contains("still waiting on ECS DescribeTasks"), error.message)
        // The abandoned fetch was cancelled; only the idle wait sleeps now.
        await clock.waitForSleepers(1)
        clock.advance(by: 10)
        await waitUntil { started.value == 2 }
        XCTAssertEqual(started.value, 2, "the poller carried on at its next tick")
    }

    /// `:refresh`: a shorter idle interval cuts the wait under way short, a longer one applies from the next wait.
    func testSetIdleRetunesTheWait() async {
        let clock = ManualClock()
        let probe = Probe()
        let poller = makePoller(probe, clock: clock)
        let loop = Task { await poller.run() }
        defer { loop.cancel() }
        await clock.waitForSleeps { $0 == [10] }
        await poller.setIdle(30)
        XCTAssertEqual(clock.pendingSleeps, [10])
        clock.advance(by: 10)
        let slower = await clock.waitForSleeps { $0 == [30] }
        XCTAssertTrue(slower, "\(clock.pendingSleeps)")
        await poller.setIdle(4)
        let faster = await clock.waitForSleeps { $0 == [4] }
        XCTAssertTrue(faster, "\(clock.pendingSleeps)")
        XCTAssertEqual(probe.fetches, 3, "the first poll, the one after 10 s, and the one the shorter interval woke")
    }

    /// While an action runs the poller waits the active cadence, and it polls at once when the action starts.
    func testActionRunningPollsFastUntilItEnds() async {
        let clock = ManualClock()
        let probe = Probe()
        let poller = makePoller(probe, clock: clock)
        let loop = Task { await poller.run() }
        defer { loop.cancel() }
        await clock.waitForSleeps { $0 == [10] }
        await poller.setActionRunning(true)
        let fast = await clock.waitForSleeps { $0 == [2] }
        XCTAssertTrue(fast, "\(clock.pendingSleeps)")
        XCTAssertEqual(probe.fetches, 2)
        await poller.setActionRunning(false)
        clock.advance(by: 2)
        let idle = await clock.waitForSleeps { $0 == [10] }
        XCTAssertTrue(idle, "\(clock.pendingSleeps)")
    }

    func testCadenceFormula() {
        let cadence = PollCadence(idle: 10, active: 2, maxBackoff: 60, random: { 0 })
        XCTAssertEqual(cadence.delay(consecutiveFailures: 0, busy: false), 10)
        XCTAssertEqual(cadence.delay(consecutiveFailures: 0, busy: true), 2)
        XCTAssertEqual(cadence.delay(consecutiveFailures: 1, busy: false), 5, "a failure retries within the idle interval")
        XCTAssertEqual(cadence.delay(consecutiveFailures: 9, busy: true), 5, "however many failures: the calls themselves already backed off")
        XCTAssertEqual(cadence.delay(consecutiveFailures: 3, consecutiveThrottles: 3, busy: true), 20, "throttling backs off")
        XCTAssertEqual(cadence.delay(consecutiveFailures: 9, consecutiveThrottles: 9, busy: false), 30, "capped at the maximum, half of it at the lowest jitter")
    }
}

/// A count shared with a fetch closure.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}
