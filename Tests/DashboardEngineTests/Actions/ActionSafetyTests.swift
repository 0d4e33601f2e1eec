import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
@testable import FleetSimulator
import Foundation
import XCTest

/// The refusals that make actions safe, on the simulated fleet: gates that know what the source really runs,
/// a soak time, a target mid-deployment, per-environment read-only, a re-asked confirmation, and rollbacks to a
/// chosen build with a plan in words.
final class ActionSafetyTests: XCTestCase {
    func gates(_ outcome: ActionOutcome, _ bench: ActionTestBench) -> [String] {
        bench.lines.all.filter { $0.hasPrefix("✓") || $0.hasPrefix("✗") || $0.hasPrefix("?") }
    }

    /// payments' uat tag names a build the circuit breaker rolled back; uat runs the build before it.
    func testABuildTheCircuitBreakerRolledBackCannotBePromoted() async throws {
        let bench = ActionTestBench()
        let prodBefore = try await bench.tagDigest("myapp-payments", "prod")
        let outcome = await bench.run(ActionTestBench.promote("payments", wait: false))
        XCTAssertEqual(outcome.exitCode, ActionOutcome.gateFailed, outcome.message)
        XCTAssertFalse(outcome.wroteToAWS)
        let uatTagFound = try await bench.tagDigest("myapp-payments", "uat")
        let uatTag = try XCTUnwrap(uatTagFound)
        let lines = gates(outcome, bench)
        XCTAssertTrue(lines.contains { $0.hasPrefix("✗ source runs it: uat runs ") && $0.contains("uat tag says \(DigestText.short(uatTag))") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("✗ source deployment:") && $0.contains("deployment failed") }, "\(lines)")
        let prodAfter = try await bench.tagDigest("myapp-payments", "prod")
        XCTAssertEqual(prodAfter, prodBefore, "prod's tag did not move")
        XCTAssertTrue(try bench.auditRecords().isEmpty, "nothing was attempted")
    }

    func testASoakTimeNotReachedBlocksAndAReachedOnePasses() async throws {
        let long = ActionTestBench(configure: { $0.soak = 400 * 86_400 })
        let blocked = await long.run(ActionTestBench.promote("frontend", wait: false))
        XCTAssertEqual(blocked.exitCode, ActionOutcome.gateFailed, blocked.message)
        XCTAssertTrue(gates(blocked, long).contains { $0.hasPrefix("✗ soak: uat has run it for") && $0.contains("gates.soak is 400d") }, "\(gates(blocked, long))")

        let short = ActionTestBench(configure: { $0.soak = 60 })
        let passed = await short.run(ActionTestBench.promote("frontend", wait: false))
        XCTAssertEqual(passed.exitCode, 0, passed.message)
        XCTAssertTrue(gates(passed, short).contains { $0.hasPrefix("✓ soak: uat has run it for") }, "\(gates(passed, short))")
    }

    func testATargetMidDeploymentBlocksPromotionAndRollback() async throws {
        let bench = ActionTestBench()
        var restart = ActionRequest(service: "frontend", kind: .restart(environment: "prod"))
        restart.yes = true
        restart.confirmEnvironment = "prod"
        restart.wait = false
        let restarted = await bench.run(restart)
        XCTAssertEqual(restarted.exitCode, 0, restarted.message)

        let promote = await bench.run(ActionTestBench.promote("frontend", wait: false))
        XCTAssertEqual(promote.exitCode, ActionOutcome.gateFailed, promote.message)
        XCTAssertTrue(promote.message.contains("target settled (mid-deployment in prod: frontend)"), promote.message)

        var rollback = ActionRequest(service: "frontend", kind: .rollback(environment: "prod", target: .previous))
        rollback.yes = true
        rollback.confirmEnvironment = "prod"
        let blocked = await bench.run(rollback)
        XCTAssertEqual(blocked.exitCode, ActionOutcome.gateFailed, blocked.message)
        XCTAssertTrue(blocked.message.contains("override with --force --reason"), blocked.message)
    }

    /// In the dashboard a failed gate asks for a reason; the one typed overrides it and is audited like --reason.
    func testAReasonTypedWhenAGateFailsOverridesItAndIsAudited() async throws {
        let bench = ActionTestBench(configure: { $0.soak = 400 * 86_400 })
        var request = ActionTestBench.promote("frontend", wait: false)
        request.offersOverride = true
        request.interactive = true
        let prompts = LineCollector()
        let outcome = await bench.run(request, answers: ["INC-7 hotfix approved by on-call"], prompts: prompts)
        XCTAssertEqual(outcome.exitCode, 0, outcome.message)
        XCTAssertTrue(prompts.all.first?.contains("gate(s) failed: soak. Type a reason to override") == true, "\(prompts.all)")
        let records = try bench.auditRecords()
        XCTAssertFalse(records.isEmpty)
        XCTAssertTrue(records.allSatisfy { $0.overrides == ["soak"] && $0.reason == "INC-7 hotfix approved by on-call" }, "\(records)")

        let fresh = ActionTestBench(configure: { $0.soak = 400 * 86_400 })
        let cancelled = await fresh.run(request, answers: [nil])
        XCTAssertEqual(cancelled.exitCode, ActionOutcome.gateFailed, "Esc at the reason stops: \(cancelled.message)")
    }

    /// A mistyped name is asked again; PROD (as the header spells it) confirms prod; three wrong answers stop.
    func testAWrongConfirmationIsAskedAgainAndTheNameMatchesAnyCase() async throws {
        let bench = ActionTestBench()
        var request = ActionTestBench.promote("frontend", wait: false)
        request.yes = false
        request.confirmEnvironment = nil
        request.interactive = true
        let prompts = LineCollector()
        let confirmed = await bench.run(request, answers: ["prdo", "PROD"], prompts: prompts)
        XCTAssertEqual(confirmed.exitCode, 0, confirmed.message)
        XCTAssertEqual(prompts.all.count, 2, "\(prompts.all)")
        XCTAssertTrue(prompts.all[1].contains("“prdo” is not prod; type prod to continue (2 tries left"), prompts.all[1])

        let bench2 = ActionTestBench()
        let prompts2 = LineCollector()
        let refused = await bench2.run(request, answers: ["no", "nope", "never", "prod"], prompts: prompts2)
        XCTAssertEqual(refused.exitCode, ActionOutcome.failure, refused.message)
        XCTAssertEqual(prompts2.all.count, 3, "three tries in all: \(prompts2.all)")
        XCTAssertFalse(refused.wroteToAWS)
        let stopped = await bench2.run(request, answers: [nil])
        XCTAssertTrue(stopped.message.contains("not confirmed"), "Esc stops at once: \(stopped.message)")
    }

    func testAReadOnlyEnvironmentRefusesItsActionsButNotOthers() async throws {
        let bench = ActionTestBench(configure: { config in
            config.file = "ecsdash.yaml"
            if let index = config.environments.firstIndex(where: { $0.name == "prod" }) { config.environments[index].readOnly = true }
        })
        bench.harness.fleet.resetCallCounts()
        let refused = await bench.run(ActionTestBench.promote("frontend", wait: false))
        XCTAssertEqual(refused.exitCode, ActionOutcome.readOnly, refused.message)
        XCTAssertTrue(refused.message.contains("read_only: true on environment prod (ecsdash.yaml)"), refused.message)
        XCTAssertTrue(bench.harness.fleet.callCounts().isEmpty, "refused before any AWS call")
        let allowed = await bench.run(ActionTestBench.promote("frontend", from: "sit", to: "uat", wait: false))
        XCTAssertEqual(allowed.exitCode, 0, allowed.message)
    }

    /// The builds prod can go back to, then a rollback to one of them by its build tag, planned in words.
    func testRollbackToAChosenBuild() async throws {
        let bench = ActionTestBench()
        let (current, choices) = try await bench.dispatcher.rollbackChoices(service: "frontend", environment: "prod")
        let prodDigestFound = try await bench.tagDigest("myapp-frontend", "prod")
        let prodDigest = try XCTUnwrap(prodDigestFound)
        XCTAssertEqual(current?.digest, prodDigest)
        XCTAssertFalse(choices.contains { $0.digest == prodDigest }, "what runs now is not a choice")
        let previousFound = try await bench.tagDigest("myapp-frontend", "prod-previous")
        let previous = try XCTUnwrap(previousFound)
        XCTAssertEqual(choices.first?.digest, previous, "prod-previous comes first")
        XCTAssertEqual(choices.first?.notes, ["prod-previous"])
        let older = try XCTUnwrap(choices.dropFirst().first { !$0.ranHere }, "older builds in ECR are offered too: \(choices)")
        let tag = try XCTUnwrap(older.buildTags.first)

        bench.harness.fleet.resetCallCounts()
        var request = ActionRequest(service: "frontend", kind: .rollback(environment: "prod", target: .tag(tag)))
        request.yes = true
        request.confirmEnvironment = "prod"
        let outcome = await bench.run(request)
        XCTAssertEqual(outcome.exitCode, 0, outcome.message)
        let prodNow = try await bench.tagDigest("myapp-frontend", "prod")
        let previousNow = try await bench.tagDigest("myapp-frontend", "prod-previous")
        XCTAssertEqual(prodNow, older.digest)
        XCTAssertEqual(previousNow, prodDigest, "prod-previous now holds what prod ran")
        let story = try XCTUnwrap(bench.lines.all.first { $0.contains("prod goes back to") })
        XCTAssertTrue(story.contains("prod goes back to \(tag) (\(DigestText.short(older.digest))), pushed ")
                      && story.contains("prod-previous will then hold"), story)
        print("rollback-to-build calls: \(bench.harness.fleet.callCounts().sorted { $0.key < $1.key })")

        var missing = request
        missing.kind = .rollback(environment: "prod", target: .tag("build-0"))
        let refused = await bench.run(missing)
        XCTAssertEqual(refused.exitCode, ActionOutcome.gateFailed, refused.message)
        XCTAssertTrue(refused.message.contains("no image build-0 in myapp-frontend") && refused.message.contains("--list"), refused.message)
    }

    func testWithoutAPreviousTagTheRollbackSaysWhatToDo() async throws {
        let bench = ActionTestBench()
        var request = ActionRequest(service: "frontend", kind: .rollback(environment: "dev", target: .previous))
        request.yes = true
        let outcome = await bench.run(request)
        XCTAssertEqual(outcome.exitCode, ActionOutcome.usage, outcome.message)
        XCTAssertTrue(outcome.message.contains("dev has no dev-previous tag yet") && outcome.message.contains("ecsdash rollback frontend --env dev --list")
                      && outcome.message.contains("r opens the list"), outcome.message)
        XCTAssertFalse(outcome.message.contains("has no image with tag"), "not ECR's raw words")
    }
}
