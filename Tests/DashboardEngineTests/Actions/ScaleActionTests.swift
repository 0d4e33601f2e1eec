import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
@testable import FleetSimulator
import Foundation
import TestSupport
import XCTest

/// `scale` against the simulated fleet, through the dispatcher: bounds, overrides, nothing to do, the count watch,
/// read-only, and what one scale costs in API calls. With two tasks a service, dev's frontend and backend have an
/// Application Auto Scaling target of min 1, max 4; worker has none.
final class ScaleActionTests: XCTestCase {
    private func scale(_ service: String, in environment: String = "dev", to count: Int, force: Bool = false, reason: String? = nil,
                       wait: Bool = true) -> ActionRequest {
        var request = ActionRequest(service: service, kind: .scale(environment: environment, count: count))
        request.yes = true
        request.confirmEnvironment = environment
        request.force = force
        request.reason = reason
        request.wait = wait
        return request
    }

    private func desired(_ bench: ActionTestBench, _ service: String, in environment: String = "dev") async throws -> ECSService {
        try await bench.harness.service(try await bench.harness.ecs(environment), environment, service)
    }

    func testWithinTheBoundsTheCountIsSetWatchedUntilItRunsAndAudited() async throws {
        let bench = ActionTestBench()
        bench.harness.fleet.resetCallCounts()
        let outcome = await bench.runInLockstep(scale("frontend", to: 4))
        let calls = bench.harness.fleet.callCounts()
        XCTAssertEqual(outcome.exitCode, 0, outcome.message + "\n" + bench.lines.text)
        XCTAssertEqual(outcome.message, "scale frontend in dev to 4: 4 running")
        let text = bench.lines.text
        XCTAssertTrue(text.contains("scale frontend in dev: desired 2 → 4 (auto scaling: min 1, max 4)"), text)
        XCTAssertTrue(text.contains("Application Auto Scaling may change it back within its cooldown"), text)
        XCTAssertTrue(text.contains("1. ECS UpdateService app-dev/frontend desiredCount=4"), text)
        XCTAssertTrue(text.contains("✓ auto scaling bounds: 4 is within min 1, max 4"), text)
        XCTAssertTrue(text.contains("watching frontend until 4 run in dev"), text)
        XCTAssertTrue(text.contains("frontend: COMPLETED"), text)

        let after = try await desired(bench, "frontend")
        XCTAssertEqual([after.desiredCount, after.runningCount, after.pendingCount], [4, 4, 0])
        XCTAssertEqual(after.deployments?.count, 1, "a scale starts no deployment")

        let records = try bench.auditRecords()
        XCTAssertEqual(records.map { "\($0.step): \($0.result)" },
                       ["plan: 1 call(s): confirmed", "ECS UpdateService app-dev/frontend desiredCount=4: ok", "watch: completed"])
        XCTAssertTrue(records.allSatisfy { $0.action == "scale" && $0.environment == "dev" && $0.oldCount == 2 && $0.newCount == 4 }, "\(records)")
        XCTAssertTrue(records.allSatisfy { $0.identity?.contains(":assumed-role/\(SimulatedFleet.deployRoleName)/") == true }, "\(records)")
        XCTAssertEqual(records.first?.gates.map(\.line), ["✓ auto scaling bounds: 4 is within min 1, max 4"])
        XCTAssertFalse(records[1].requestIds.isEmpty)

        // One scale's API calls: the plan's two reads, the write, the watch (the count ran at its second poll,
        // 5 s on), the read and deploy roles, and the audit's caller identity.
        XCTAssertEqual(calls, ["ECS.DescribeServices": 1 + 2, "ApplicationAutoScaling.DescribeScalableTargets": 1, "ECS.UpdateService": 1,
                               "STS.AssumeRole": 2, "STS.GetCallerIdentity": 1], "\(calls)")
        print("scale API calls (simulator, dev/frontend 2 → 4): \(calls.values.reduce(0, +)) total: "
            + calls.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }

    func testScalingDownIsWatchedUntilTheExtraTasksHaveStopped() async throws {
        let bench = ActionTestBench()
        let outcome = await bench.runInLockstep(scale("frontend", to: 1))
        XCTAssertEqual(outcome.exitCode, 0, outcome.message + "\n" + bench.lines.text)
        let after = try await desired(bench, "frontend")
        XCTAssertEqual([after.desiredCount, after.runningCount], [1, 1])
    }

    func testOutsideTheBoundsIsRefusedWithExit3AndNothingChanges() async throws {
        let bench = ActionTestBench()
        bench.harness.fleet.resetCallCounts()
        let above = await bench.run(scale("frontend", to: 6))
        XCTAssertEqual(above.exitCode, ActionOutcome.gateFailed, above.message)
        XCTAssertTrue(above.message.contains("blocked by gate(s): auto scaling bounds (6 is above the max 4 of service/app-dev/frontend (min 1))"),
                      above.message)
        XCTAssertTrue(above.message.contains("override with --force --reason TEXT"), above.message)
        XCTAssertTrue(bench.lines.text.contains("✗ auto scaling bounds: 6 is above the max 4"), bench.lines.text)

        let below = await bench.run(scale("frontend", to: 0))
        XCTAssertEqual(below.exitCode, ActionOutcome.gateFailed, below.message)
        XCTAssertTrue(below.message.contains("0 is below the min 1 of service/app-dev/frontend"), below.message)

        let forcedWithoutReason = await bench.run(scale("frontend", to: 6, force: true))
        XCTAssertEqual(forcedWithoutReason.exitCode, ActionOutcome.gateFailed, "--force alone overrides nothing")

        XCTAssertNil(bench.harness.fleet.callCounts()["ECS.UpdateService"])
        XCTAssertEqual(try bench.auditRecords(), [], "a refused plan writes nothing")
        let after = try await desired(bench, "frontend")
        XCTAssertEqual(after.desiredCount, 2)
    }

    func testForceWithAReasonOverridesTheBoundsAndTheOverrideIsAudited() async throws {
        let bench = ActionTestBench()
        let outcome = await bench.runInLockstep(scale("frontend", to: 6, force: true, reason: "load test until 18:00"))
        XCTAssertEqual(outcome.exitCode, 0, outcome.message + "\n" + bench.lines.text)
        XCTAssertTrue(bench.lines.text.contains("overriding failed gate(s) auto scaling bounds: load test until 18:00"), bench.lines.text)
        let records = try bench.auditRecords()
        XCTAssertTrue(records.allSatisfy { $0.overrides == ["auto scaling bounds"] && $0.reason == "load test until 18:00" }, "\(records)")
        let after = try await desired(bench, "frontend")
        XCTAssertEqual([after.desiredCount, after.runningCount], [6, 6])
    }

    func testScalingToTheCurrentCountIsNothingToDo() async throws {
        let bench = ActionTestBench()
        bench.harness.fleet.resetCallCounts()
        let outcome = await bench.run(scale("frontend", to: 2))
        XCTAssertEqual(outcome.exitCode, 0, outcome.message)
        XCTAssertEqual(outcome.message, "dev/frontend already wants 2 task(s) (2 running, 0 pending); nothing to do")
        XCTAssertFalse(outcome.wroteToAWS)
        XCTAssertNil(bench.harness.fleet.callCounts()["ECS.UpdateService"])
        XCTAssertEqual(try bench.auditRecords(), [], "nothing to do writes nothing")
    }

    func testAServiceWithoutATargetHasNoBoundsToKeepTo() async throws {
        let bench = ActionTestBench()
        let outcome = await bench.runInLockstep(scale("worker", to: 7))
        XCTAssertEqual(outcome.exitCode, 0, outcome.message + "\n" + bench.lines.text)
        XCTAssertTrue(bench.lines.text.contains("desired 2 → 7 (no auto scaling target)"), bench.lines.text)
        XCTAssertTrue(bench.lines.text.contains("✓ auto scaling bounds: no scalable target on service/app-dev/worker"), bench.lines.text)
        XCTAssertFalse(bench.lines.text.contains("cooldown"), "no target, nothing to fight the count")
    }

    func testAnUnreadableTargetFailsTheGateNamingThePermission() async throws {
        let bench = ActionTestBench()
        bench.harness.fleet.injectFailure(environment: "dev", operation: "DescribeScalableTargets", code: "AccessDeniedException", status: 400)
        let outcome = await bench.run(scale("worker", to: 3))
        XCTAssertEqual(outcome.exitCode, ActionOutcome.gateFailed, outcome.message)
        XCTAssertTrue(outcome.message.contains("auto scaling bounds (unknown: could not read the scalable target of service/app-dev/worker"), outcome.message)
        XCTAssertTrue(outcome.message.contains("application-autoscaling:DescribeScalableTargets on arn:aws:iam::222222222222:role/DashboardReadOnly"),
                      outcome.message)
    }

    func testACountECSWouldNeverTakeIsAUsageErrorBeforeAnyCall() async throws {
        let bench = ActionTestBench()
        bench.harness.fleet.resetCallCounts()
        for count in [-1, 10_001] {
            let outcome = await bench.run(scale("frontend", to: count))
            XCTAssertEqual(outcome.exitCode, ActionOutcome.usage, outcome.message)
            XCTAssertTrue(outcome.message.contains("between 0 and 10000"), outcome.message)
        }
        XCTAssertEqual(bench.harness.fleet.callCounts(), [:])
    }

    /// Refused exactly as restart is, before any AWS call.
    func testReadOnlyRefusesAScaleBeforeAnyCallAsItRefusesTheOtherActions() async throws {
        let bench = ActionTestBench(readOnly: true)
        bench.harness.fleet.resetCallCounts()
        let outcome = await bench.run(scale("frontend", to: 3))
        var restart = ActionRequest(service: "frontend", kind: .restart(environment: "dev"))
        restart.yes = true
        let restartOutcome = await bench.run(restart)
        XCTAssertNotEqual(outcome.exitCode, 0)
        XCTAssertEqual(outcome.exitCode, restartOutcome.exitCode)
        XCTAssertTrue(outcome.message.contains("read-only"), outcome.message)
        XCTAssertTrue(outcome.message.contains("scale frontend in dev to 3"), outcome.message)
        XCTAssertEqual(bench.harness.fleet.callCounts(), [:], "nothing was read or written")
        XCTAssertEqual(try bench.auditRecords(), [])
    }

    func testAWatchThatDoesNotSeeTheCountInTimeEndsWithExit4() async throws {
        let bench = ActionTestBench()
        var request = scale("frontend", to: 4)
        // New tasks run 4 s after they are started: a 2 s watch ends before they do.
        request.waitTimeout = 2
        let outcome = await bench.runInLockstep(request)
        XCTAssertEqual(outcome.exitCode, ActionOutcome.deploymentFailed, outcome.message)
        XCTAssertTrue(outcome.message.hasPrefix("scale frontend in dev to 4: not at 4 running after 2s (2/4 running, 2 pending)"), outcome.message)
        XCTAssertTrue(outcome.message.contains("ECS keeps going"), outcome.message)
        XCTAssertEqual(try bench.auditRecords().last.map { "\($0.step): \($0.result)" }, "watch: timed-out")
    }

    func testNoWaitSetsTheCountAndSaysItIsNotWatched() async throws {
        let bench = ActionTestBench()
        let outcome = await bench.run(scale("frontend", to: 3, wait: false))
        XCTAssertEqual(outcome.exitCode, 0, outcome.message)
        XCTAssertEqual(outcome.message, "scale frontend in dev to 3: done (not watching the task count: --no-wait)")
        let after = try await desired(bench, "frontend")
        XCTAssertEqual(after.desiredCount, 3)
    }

    /// Someone (Application Auto Scaling, say) sets another count while the watch runs: two polls in a row seeing it end the watch.
    func testADesiredCountChangedAwayEndsTheWatch() async throws {
        let harness = SimulatorHarness()
        let deployer = try await harness.ecs("dev", deploy: true)
        _ = try await deployer.updateService(cluster: "app-dev", service: "frontend", desiredCount: 3)
        let watcher = ScaleWatcher(ecs: try await harness.ecs("dev"), cluster: "app-dev", clock: harness.clock)
        let lines = LineCollector()
        let verdict = await harness.lockstep { await watcher.watch(service: "frontend", count: 4, timeout: 60) { lines.add($0) } }
        guard case .failed(let service, let reason) = verdict else { return XCTFail("\(verdict)") }
        XCTAssertEqual(service, "frontend")
        XCTAssertTrue(reason.contains("its desired count is now 3, not 4"), reason)
    }

    func testTheWatchStateIsDoneOnlyAtTheCountWithNothingPending() {
        let count = 4
        XCTAssertEqual(ScaleWatcher.state(of: ECSService(desiredCount: 4, runningCount: 4, pendingCount: 0), count: count), .completed)
        XCTAssertEqual(ScaleWatcher.state(of: ECSService(desiredCount: 4, runningCount: 4, pendingCount: 1), count: count),
                       .inProgress("4/4 running, 1 pending"))
        XCTAssertEqual(ScaleWatcher.state(of: ECSService(desiredCount: 4, runningCount: 3, pendingCount: 0), count: count),
                       .inProgress("3/4 running, 0 pending"))
        guard case .failed = ScaleWatcher.state(of: ECSService(desiredCount: 2, runningCount: 2, pendingCount: 0), count: count) else {
            return XCTFail("another desired count is a failed watch")
        }
    }

    func testTheSimulatorAnswersDescribeScalableTargetsLikeAWS() async throws {
        let harness = SimulatorHarness()
        let client = ApplicationAutoScalingClient(context: try await harness.roleContext("prod"))
        let all = try await client.describeScalableTargets(serviceNamespace: "ecs")
        XCTAssertEqual(all.compactMap(\.resourceId), ["service/app-prod/frontend", "service/app-prod/backend"])
        XCTAssertEqual(all.map(\.minCapacity), [1, 1])
        XCTAssertEqual(all.map(\.maxCapacity), [8, 8], "prod's targets leave room for real traffic")
        let worker = try await client.ecsServiceTarget(cluster: "app-prod", service: "worker")
        XCTAssertNil(worker)
        let raw = RawJSON(client: client.client)
        let paged = try await raw.call("DescribeScalableTargets", #"{"ServiceNamespace":"ecs","MaxResults":1}"#)
        XCTAssertEqual((paged["ScalableTargets"] as? [Any])?.count, 1)
        XCTAssertNotNil(paged["NextToken"] as? String)
        let wrong = await SimulatorHarness.error { try await raw.call("DescribeScalableTargets", #"{"ServiceNamespace":"nope"}"#) }
        XCTAssertEqual(wrong?.code, "ValidationException")
        let missing = await SimulatorHarness.error { try await raw.call("DescribeScalableTargets", #"{}"#) }
        XCTAssertEqual(missing?.code, "ValidationException")
    }
}

extension ActionTestBench {
    /// Runs the request moving the clock one second at a time and only while something sleeps on it, so the watch sees
    /// every second pass (no poll is skipped, no timeout overtaken) and nothing waits on real time but the tasks.
    func runInLockstep(_ request: ActionRequest, answer: String? = nil) async -> ActionOutcome {
        let dispatcher = self.dispatcher
        let lines = self.lines
        return await harness.lockstep {
            await dispatcher.run(request, confirm: { _ in answer }, progress: { lines.add($0.text) })
        }
    }
}

extension SimulatorHarness {
    /// Runs `body`, advancing the clock by a second whenever it sleeps on it, until it returns.
    func lockstep<Value: Sendable>(_ body: @escaping @Sendable () async -> Value) async -> Value {
        let finished = LineCollector()
        let task = Task {
            let value = await body()
            finished.add("done")
            return value
        }
        // Bounded only against a hang (a few minutes): a scale's watch needs a few dozen steps.
        var looks = 0
        while finished.all.isEmpty, looks < 4000 {
            await clock.waitForSleepers(1, timeout: 0.05)
            if finished.all.isEmpty, clock.sleeperCount > 0 { clock.advance(by: 1) }
            looks += 1
        }
        return await task.value
    }
}
