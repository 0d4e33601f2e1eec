import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
@testable import FleetSimulator
import Foundation
import XCTest

/// Promote, roll back and restart against the simulated fleet, end to end through the dispatcher.
final class ActionDispatcherTests: XCTestCase {
    func testPromoteIsWatchedToCompletedAndRollbackRestoresTheTag() async throws {
        let bench = ActionTestBench()
        let uat = try await bench.tagDigest("myapp-frontend", "uat")
        let prod = try await bench.tagDigest("myapp-frontend", "prod")
        XCTAssertNotEqual(uat, prod, "frontend always has something to promote")

        let outcome = await bench.run(ActionTestBench.promote("frontend"))
        XCTAssertEqual(outcome.exitCode, 0, outcome.message + "\n" + bench.lines.text)
        XCTAssertTrue(outcome.message.contains("COMPLETED"), outcome.message)
        let prodAfter = try await bench.tagDigest("myapp-frontend", "prod")
        let previousAfter = try await bench.tagDigest("myapp-frontend", "prod-previous")
        XCTAssertEqual(prodAfter, uat)
        XCTAssertEqual(previousAfter, prod)
        XCTAssertTrue(bench.lines.text.contains("✓ adjacent"), bench.lines.text)

        var rollback = ActionRequest(service: "frontend", kind: .rollback(environment: "prod", target: .previous))
        rollback.yes = true
        rollback.confirmEnvironment = "prod"
        let back = await bench.run(rollback)
        XCTAssertEqual(back.exitCode, 0, back.message + "\n" + bench.lines.text)
        let prodBack = try await bench.tagDigest("myapp-frontend", "prod")
        let previousBack = try await bench.tagDigest("myapp-frontend", "prod-previous")
        XCTAssertEqual(prodBack, prod, "rollback points prod at the previous digest")
        XCTAssertEqual(previousBack, uat, "and keeps the replaced one, so the rollback can be undone")
    }

    func testAlreadyPromotedWritesNothing() async throws {
        let bench = ActionTestBench()
        bench.harness.fleet.resetCallCounts()
        let outcome = await bench.run(ActionTestBench.promote("backend"))
        XCTAssertEqual(outcome.exitCode, 0, outcome.message)
        XCTAssertTrue(outcome.message.contains("already promoted"), outcome.message)
        XCTAssertNil(bench.harness.fleet.callCounts()["ECR.PutImage"])
        XCTAssertNil(bench.harness.fleet.callCounts()["ECS.UpdateService"])
    }

    func testRerunningAfterTheTagMovedFinishesTheRedeploy() async throws {
        let bench = ActionTestBench()
        // An earlier run moved the tag and then stopped before UpdateService.
        let ecr = try await bench.harness.ecr(deploy: true)
        let fetched = try await ecr.batchGetImage(repositoryName: "myapp-frontend", imageIds: [ECRImageIdentifier(imageTag: "uat")])
        let image = try XCTUnwrap(fetched.images.first)
        _ = try await ecr.putImage(ECRPutImageRequest(repositoryName: "myapp-frontend", imageManifest: image.imageManifest ?? "",
                                                      imageManifestMediaType: image.imageManifestMediaType, imageTag: "prod"))
        bench.harness.fleet.resetCallCounts()
        let outcome = await bench.run(ActionTestBench.promote("frontend"))
        XCTAssertEqual(outcome.exitCode, 0, outcome.message + "\n" + bench.lines.text)
        XCTAssertTrue(bench.lines.text.contains("tags already moved; prod still runs") && bench.lines.text.contains("— finishing the redeploy"),
                      bench.lines.text)
        XCTAssertEqual(bench.harness.fleet.callCounts()["ECS.UpdateService"], 1)
        XCTAssertNil(bench.harness.fleet.callCounts()["ECR.PutImage"], "the tag is already right")
        let prodECS = try await bench.harness.ecs("prod")
        let prodService = try await bench.harness.service(prodECS, "prod", "frontend")
        XCTAssertEqual(prodService.deployments?.first { $0.status == "PRIMARY" }?.rolloutState, "COMPLETED")
        let again = await bench.run(ActionTestBench.promote("frontend"))
        XCTAssertTrue(again.message.contains("already promoted"), again.message)
    }

    /// UpdateService fails once after the retag; re-running the same promotion sees from the tasks' digests that prod
    /// never got the image, redeploys it (audited: plan, UpdateService, watch), and only then says nothing to do.
    func testAPromotionWhoseRedeployFailedIsFinishedByRunningItAgain() async throws {
        let bench = ActionTestBench()
        let uatTag = try await bench.tagDigest("myapp-frontend", "uat")
        let uat = try XCTUnwrap(uatTag)
        let prodTag = try await bench.tagDigest("myapp-frontend", "prod")
        let prod = try XCTUnwrap(prodTag)
        bench.harness.fleet.injectFailure(environment: "prod", operation: "UpdateService", code: "AccessDeniedException", status: 400)
        let failed = await bench.run(ActionTestBench.promote("frontend"))
        XCTAssertEqual(failed.exitCode, ActionOutcome.failure, failed.message)
        XCTAssertTrue(failed.message.contains("failed at step 3/3") && failed.message.contains("re-run the same command; it finishes the redeploy"),
                      failed.message)
        let moved = try await bench.tagDigest("myapp-frontend", "prod")
        XCTAssertEqual(moved, uat, "the tags moved before UpdateService failed")
        bench.harness.fleet.clearFailures()

        bench.harness.fleet.resetCallCounts()
        let recorded = try bench.auditRecords().count
        let shown = bench.lines.all.count
        let rerun = await bench.run(ActionTestBench.promote("frontend"))
        XCTAssertEqual(rerun.exitCode, 0, rerun.message + "\n" + bench.lines.text)
        XCTAssertTrue(rerun.message.contains("deployment COMPLETED"), rerun.message)
        let plan = bench.lines.all.dropFirst(shown).joined(separator: "\n")
        XCTAssertTrue(plan.contains("tags already moved; prod still runs \(DigestText.short(prod)) (frontend) — finishing the redeploy"), plan)
        XCTAssertFalse(plan.contains("nothing to do"), plan)
        XCTAssertEqual(bench.harness.fleet.callCounts()["ECS.UpdateService"], 1)
        XCTAssertNil(bench.harness.fleet.callCounts()["ECR.PutImage"], "the tags are already right")
        let finishing = try bench.auditRecords().dropFirst(recorded)
        XCTAssertEqual(finishing.map { "\($0.step): \($0.result)" },
                       ["plan: finish the redeploy, 1 call(s): confirmed", "ECS UpdateService app-prod/frontend forceNewDeployment: ok", "watch: completed"])
        XCTAssertTrue(finishing.allSatisfy { $0.action == "promote" && $0.environment == "prod" && $0.oldDigest == prod && $0.newDigest == uat },
                      "\(finishing)")
        XCTAssertFalse(finishing.dropFirst().first?.requestIds.isEmpty ?? true)

        bench.harness.fleet.resetCallCounts()
        let done = await bench.run(ActionTestBench.promote("frontend"))
        XCTAssertEqual(done.exitCode, 0, done.message)
        XCTAssertTrue(done.message.contains("already promoted") && done.message.contains("prod runs it; nothing to do"), done.message)
        XCTAssertTrue(bench.lines.text.contains("tags already moved; prod runs \(DigestText.short(uat)) (frontend: 2 of 2 running tasks)"), bench.lines.text)
        XCTAssertNil(bench.harness.fleet.callCounts()["ECS.UpdateService"])
        XCTAssertEqual(try bench.auditRecords().count, recorded + finishing.count, "nothing to do writes nothing")
    }

    /// A rollback whose redeploy failed leaves `prod-previous` naming the image it rolled away from; running it again
    /// finishes that rollback (no retag back) instead of undoing it.
    func testARollbackWhoseRedeployFailedIsFinishedNotUndoneByRunningItAgain() async throws {
        let bench = ActionTestBench()
        let prodTag = try await bench.tagDigest("myapp-frontend", "prod")
        let prod = try XCTUnwrap(prodTag)
        let previousTag = try await bench.tagDigest("myapp-frontend", "prod-previous")
        let previous = try XCTUnwrap(previousTag)
        XCTAssertNotEqual(prod, previous)
        var rollback = ActionRequest(service: "frontend", kind: .rollback(environment: "prod", target: .previous))
        rollback.yes = true
        rollback.confirmEnvironment = "prod"
        bench.harness.fleet.injectFailure(environment: "prod", operation: "UpdateService", code: "AccessDeniedException", status: 400)
        let failed = await bench.run(rollback)
        XCTAssertEqual(failed.exitCode, ActionOutcome.failure, failed.message)
        XCTAssertTrue(failed.message.contains("re-run the same command; it finishes the redeploy"), failed.message)
        bench.harness.fleet.clearFailures()
        let prodMoved = try await bench.tagDigest("myapp-frontend", "prod")
        let previousMoved = try await bench.tagDigest("myapp-frontend", "prod-previous")
        XCTAssertEqual([prodMoved, previousMoved], [previous, prod], "the tags were swapped before UpdateService failed")

        bench.harness.fleet.resetCallCounts()
        let shown = bench.lines.all.count
        let rerun = await bench.run(rollback)
        XCTAssertEqual(rerun.exitCode, 0, rerun.message + "\n" + bench.lines.text)
        let plan = bench.lines.all.dropFirst(shown).joined(separator: "\n")
        XCTAssertTrue(plan.contains("an earlier rollback"), plan)
        XCTAssertTrue(plan.contains("tags already moved; prod still runs \(DigestText.short(prod)) (frontend) — finishing the redeploy"), plan)
        XCTAssertNil(bench.harness.fleet.callCounts()["ECR.PutImage"], "the tags are not swapped back")
        XCTAssertEqual(bench.harness.fleet.callCounts()["ECS.UpdateService"], 1)
        let prodAfter = try await bench.tagDigest("myapp-frontend", "prod")
        let previousAfter = try await bench.tagDigest("myapp-frontend", "prod-previous")
        XCTAssertEqual([prodAfter, previousAfter], [previous, prod])
        XCTAssertEqual(try bench.auditRecords().last.map { "\($0.action) \($0.step): \($0.result)" }, "rollback watch: completed")

        bench.harness.fleet.resetCallCounts()
        let done = await bench.run(rollback)
        XCTAssertEqual(done.exitCode, 0, done.message)
        XCTAssertTrue(done.message.contains("already rolled back") && done.message.contains("nothing to do"), done.message)
        XCTAssertNil(bench.harness.fleet.callCounts()["ECR.PutImage"])
        XCTAssertNil(bench.harness.fleet.callCounts()["ECS.UpdateService"])
    }

    /// After the circuit breaker rolled a promoted build back, the redeploy did reach ECS: running the promotion again
    /// does not deploy the same failing build a second time.
    func testRerunningAPromotionThatECSRolledBackDoesNotRedeployIt() async throws {
        let bench = ActionTestBench()
        var request = ActionTestBench.promote("payments")
        request.force = true
        request.reason = "test the breaker"
        let outcome = await bench.run(request)
        XCTAssertEqual(outcome.exitCode, ActionOutcome.deploymentFailed, outcome.message + "\n" + bench.lines.text)
        bench.harness.fleet.resetCallCounts()
        let again = await bench.run(request)
        XCTAssertEqual(again.exitCode, ActionOutcome.deploymentFailed, again.message + "\n" + bench.lines.text)
        XCTAssertTrue(again.message.contains("the redeploy reached ECS and failed"), again.message)
        XCTAssertNil(bench.harness.fleet.callCounts()["ECS.UpdateService"])
    }

    func testRollbackToADigestAndToARevision() async throws {
        let bench = ActionTestBench()
        // Any image of the repository will do; prod's is older than dev's.
        let prodDigest = try await bench.tagDigest("myapp-frontend", "prod")
        let build = try XCTUnwrap(prodDigest)
        let devBefore = try await bench.tagDigest("myapp-frontend", "dev")
        XCTAssertNotEqual(devBefore, build)
        var toDigest = ActionRequest(service: "frontend", kind: .rollback(environment: "dev", target: .digest(build)))
        toDigest.yes = true
        let moved = await bench.run(toDigest)
        XCTAssertEqual(moved.exitCode, 0, moved.message + "\n" + bench.lines.text)
        let devAfter = try await bench.tagDigest("myapp-frontend", "dev")
        XCTAssertEqual(devAfter, build, "--to DIGEST points the tag at any image of the repository")

        let ecs = try await bench.harness.ecs("dev")
        let before = try await bench.harness.service(ecs, "dev", "frontend")
        let revision = try XCTUnwrap(before.taskDefinition.flatMap { $0.split(separator: ":").last.flatMap { Int($0) } })
        var toRevision = ActionRequest(service: "frontend", kind: .rollback(environment: "dev", target: .revision(revision - 1)))
        toRevision.yes = true
        let pinned = await bench.run(toRevision)
        XCTAssertEqual(pinned.exitCode, 0, pinned.message + "\n" + bench.lines.text)
        let after = try await bench.harness.service(ecs, "dev", "frontend")
        XCTAssertTrue(after.taskDefinition?.hasSuffix(":\(revision - 1)") == true, after.taskDefinition ?? "nil")
    }

    func testWatchGivesUpAtTheTimeoutWithExit4() async throws {
        let bench = ActionTestBench()
        var restart = ActionRequest(service: "frontend", kind: .restart(environment: "dev"))
        restart.yes = true
        restart.waitTimeout = 5
        let outcome = await bench.run(restart)
        XCTAssertEqual(outcome.exitCode, ActionOutcome.deploymentFailed, outcome.message)
        XCTAssertTrue(outcome.message.contains("not done after 5s: frontend: the deployment never COMPLETED"), outcome.message)
    }

    /// COMPLETED alone is not done: the watch ends when the deployment completed, running = desired, and every
    /// running task runs the digest the promotion deployed; its lines say which it waits for.
    func testAPromotionIsDoneOnlyWhenEveryTaskRunsTheNewDigest() async throws {
        let bench = ActionTestBench()
        let uat = try await bench.tagDigest("myapp-frontend", "uat")
        let digest = try XCTUnwrap(uat)
        let outcome = await bench.run(ActionTestBench.promote("frontend"))
        XCTAssertEqual(outcome.exitCode, 0, outcome.message)
        XCTAssertTrue(outcome.message.hasSuffix("deployment COMPLETED, every task runs \(DigestText.short(digest))"), outcome.message)
        let watch = bench.lines.all.filter { $0.hasPrefix("frontend:") }
        XCTAssertTrue(watch.contains { $0.contains("waiting for") && $0.contains("tasks to run \(DigestText.short(digest))") }, "\(watch)")
        XCTAssertEqual(watch.last, "frontend: COMPLETED, every running task runs the new image", "\(watch)")
        let ecs = try await bench.harness.ecs("prod")
        let arns = try await ecs.listTasks(cluster: "app-prod", serviceName: "frontend")
        let tasks = try await ecs.describeTasks(cluster: "app-prod", tasks: arns).items
        XCTAssertTrue(tasks.filter { $0.lastStatus == "RUNNING" }.allSatisfy { RolloutCheck.digests(of: $0) == [digest] }, "what ECS runs now")
    }

    func testSourceMidRolloutBlocksUntilForcedWithAReasonWhichIsAudited() async throws {
        let bench = ActionTestBench()
        var restart = ActionRequest(service: "frontend", kind: .restart(environment: "uat"))
        restart.yes = true
        restart.wait = false
        let restarted = await bench.run(restart)
        XCTAssertEqual(restarted.exitCode, 0, restarted.message)

        let blocked = await bench.run(ActionTestBench.promote("frontend", wait: false))
        XCTAssertEqual(blocked.exitCode, ActionOutcome.gateFailed, blocked.message)
        XCTAssertTrue(blocked.message.contains("source healthy"), blocked.message)
        XCTAssertFalse(blocked.wroteToAWS)

        var forced = ActionTestBench.promote("frontend", wait: false)
        forced.force = true
        forced.reason = "hotfix INC-42"
        let passed = await bench.run(forced)
        XCTAssertEqual(passed.exitCode, 0, passed.message)
        let promoteLines = try bench.auditRecords().filter { $0.action == "promote" }
        XCTAssertFalse(promoteLines.isEmpty)
        XCTAssertTrue(promoteLines.allSatisfy { $0.overrides == ["source healthy"] && $0.reason == "hotfix INC-42" }, "\(promoteLines)")
    }

    func testBadBuildIsRolledBackByTheCircuitBreakerThenRollbackSaysSo() async throws {
        let bench = ActionTestBench()
        var request = ActionTestBench.promote("payments")
        request.force = true
        request.reason = "test the breaker"
        let outcome = await bench.run(request)
        XCTAssertEqual(outcome.exitCode, ActionOutcome.deploymentFailed, outcome.message + "\n" + bench.lines.text)
        XCTAssertTrue(outcome.message.contains("circuit breaker"), outcome.message)
        XCTAssertEqual(try bench.auditRecords().last?.result, "rolled-back")

        var rollback = ActionRequest(service: "payments", kind: .rollback(environment: "prod", target: .previous))
        rollback.yes = true
        rollback.confirmEnvironment = "prod"
        bench.harness.fleet.resetCallCounts()
        let back = await bench.run(rollback)
        XCTAssertEqual(back.exitCode, 0, back.message)
        XCTAssertTrue(back.message.contains("ECS already rolled back"), back.message)
        XCTAssertNil(bench.harness.fleet.callCounts()["ECR.PutImage"], "acting twice is what the check prevents")
    }

    func testReadOnlyRefusesAndChangesNothing() async throws {
        let bench = ActionTestBench(readOnly: true)
        bench.harness.fleet.resetCallCounts()
        let outcome = await bench.run(ActionTestBench.promote("frontend"))
        XCTAssertEqual(outcome.exitCode, ActionOutcome.readOnly)
        XCTAssertTrue(outcome.message.contains("read-only (--read-only)"), "the switch that refused is named: \(outcome.message)")
        XCTAssertTrue(bench.harness.fleet.callCounts().isEmpty)
    }

    func testProtectedTargetNeedsItsNameTyped() async throws {
        let bench = ActionTestBench()
        var request = ActionTestBench.promote("frontend")
        request.confirmEnvironment = nil
        let refused = await bench.run(request)
        XCTAssertEqual(refused.exitCode, ActionOutcome.usage)
        XCTAssertTrue(refused.message.contains("--confirm-env prod"), refused.message)

        request.yes = false
        request.interactive = true
        let wrong = await bench.run(request, answer: "yes")
        XCTAssertEqual(wrong.exitCode, ActionOutcome.failure, "prod needs its name, not yes")
        let prod = try await bench.tagDigest("myapp-frontend", "prod")
        let previous = try await bench.tagDigest("myapp-frontend", "prod-previous")
        XCTAssertNotEqual(prod, previous)
        let uat = try await bench.tagDigest("myapp-frontend", "uat")
        XCTAssertNotEqual(prod, uat, "nothing moved")

        request.wait = false
        let typed = await bench.run(request, answer: "prod")
        XCTAssertEqual(typed.exitCode, 0, typed.message)
    }

    func testASecondActionOnTheSameServiceIsRefusedWhileTheFirstRuns() async throws {
        let bench = ActionTestBench()
        let dispatcher = bench.dispatcher
        let first = Task { await dispatcher.run(ActionTestBench.promote("frontend"), confirm: { _ in nil }, progress: { _ in }) }
        // The first is in its watch loop once it sleeps on the clock.
        await bench.harness.clock.waitForSleepers(1, timeout: 10)
        let running = await dispatcher.runningAction(on: "prod/frontend")
        XCTAssertEqual(running, "promote frontend uat → prod")
        var restart = ActionRequest(service: "frontend", kind: .restart(environment: "prod"))
        restart.yes = true
        restart.confirmEnvironment = "prod"
        let second = await dispatcher.run(restart, confirm: { _ in nil }, progress: { _ in })
        XCTAssertEqual(second.exitCode, ActionOutcome.failure)
        XCTAssertTrue(second.message.contains("promote frontend uat → prod is running"), second.message)
        for _ in 0..<100 {
            bench.harness.advance(5)
            await bench.harness.clock.waitForSleepers(1, timeout: 0.05)
        }
        let outcome = await first.value
        XCTAssertEqual(outcome.exitCode, 0, outcome.message)
        let after = await dispatcher.runningAction(on: "prod/frontend")
        XCTAssertNil(after)
    }

    /// Quitting the dashboard ends a watch at once: the action records `interrupted` as its last step (ECS
    /// carries on), and an action that reaches its watch after that ends it straight away too.
    func testStoppingEndsTheWatchAndRecordsItInterrupted() async throws {
        let bench = ActionTestBench()
        let dispatcher = bench.dispatcher
        let lines = bench.lines
        let first = Task { await dispatcher.run(ActionTestBench.promote("frontend"), confirm: { _ in nil }, progress: { lines.add($0.text) }) }
        await bench.harness.clock.waitForSleepers(1, timeout: 10)
        await dispatcher.stopWatching()
        let outcome = await first.value
        XCTAssertEqual(outcome.exitCode, ActionOutcome.failure, outcome.message)
        XCTAssertTrue(outcome.message.contains("ecsdash quit while watching; ECS carries on"), outcome.message)
        XCTAssertTrue(lines.text.contains("watching frontend in prod"), lines.text)
        let last = try XCTUnwrap(bench.auditRecords().last)
        XCTAssertEqual([last.step, last.result, last.service, last.environment], ["watch", "interrupted", "frontend", "prod"])

        var restart = ActionRequest(service: "backend", kind: .restart(environment: "dev"))
        restart.yes = true
        let later = await dispatcher.run(restart, confirm: { _ in nil }, progress: { _ in })
        XCTAssertTrue(later.message.contains("ecsdash quit while watching"), later.message)
        XCTAssertEqual(try bench.auditRecords().last?.result, "interrupted")
    }

    func testAuditLinesAreWrittenPerStepWithoutSecrets() async throws {
        let bench = ActionTestBench()
        let outcome = await bench.run(ActionTestBench.promote("frontend", wait: false))
        XCTAssertEqual(outcome.exitCode, 0, outcome.message)
        let records = try bench.auditRecords()
        XCTAssertEqual(records.map(\.step).count, 4, "plan, prod-previous, prod, UpdateService: \(records.map(\.step))")
        XCTAssertTrue(records.allSatisfy { $0.identity?.contains("assumed-role/DashboardDeployer") == true }, "\(records.map(\.identity))")
        // Each step names the account it acted in: ECR's in the registry's, ECS's in prod's.
        let config = DemoFleet.config()
        let registry = try XCTUnwrap(config.registry?.account), prod = try XCTUnwrap(config.environment(named: "prod")?.access.account)
        XCTAssertEqual(records.map { $0.identity?.split(separator: ":", omittingEmptySubsequences: false)[4] }, [prod, registry, registry, prod].map { Substring($0) },
                       "\(records.map { "\($0.step): \($0.identity ?? "-")" })")
        XCTAssertTrue(records.dropFirst().allSatisfy { !$0.requestIds.isEmpty })
        XCTAssertTrue(records.allSatisfy { $0.oldDigest != nil && $0.newDigest != nil && $0.gates.count == 6 }, "\(records.map(\.gates))")
        let text = try String(contentsOfFile: bench.auditPath, encoding: .utf8)
        XCTAssertFalse(text.contains(SimulatedFleet.demoCredentials.secretAccessKey))
        XCTAssertFalse(text.contains(SimulatedFleet.demoCredentials.accessKeyId))
        XCTAssertFalse(text.contains("ASIA"), "no temporary access key ids")
        XCTAssertFalse(text.contains("IQoJ"), "no session tokens")
        XCTAssertTrue(ISO8601DateFormatter().date(from: String(records[0].time.prefix(19)) + "Z") != nil, records[0].time)
    }
}
