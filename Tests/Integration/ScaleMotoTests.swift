import AWSClient
import Foundation
import TestSupport
import XCTest

/// `ecsdash scale` through the real binary against the moto world with authentication on. dev's frontend has the
/// seeded Application Auto Scaling target (min 1, max 4). Other test classes read the same world, so every test
/// leaves frontend's desired count at its seeded 2, also when it fails half-way. moto's UpdateService sets the running
/// count to the new desired count at once (pending 0), so the watch ends at its first poll; the simulator's tests
/// cover a count that takes time, and one that never comes.
final class ScaleMotoTests: XCTestCase {
    func testTheSeededTargetIsReadWithTheReadRoleAndSignatureChecking() async throws {
        let world = try MotoWorld.load()
        let dev = world.environment("dev")
        let seeded = try XCTUnwrap(dev.services["frontend"]?.scalable_target)
        let client = ApplicationAutoScalingClient(context: try await world.assume(dev.readonly_role_arn).context)
        let target = try await client.ecsServiceTarget(cluster: dev.cluster, service: "frontend")
        XCTAssertEqual(target?.resourceId, seeded.resource_id)
        XCTAssertEqual(target?.minCapacity, seeded.min_capacity)
        XCTAssertEqual(target?.maxCapacity, seeded.max_capacity)
        let none = try await client.ecsServiceTarget(cluster: dev.cluster, service: "worker")
        XCTAssertNil(none)
    }

    func testScaleSetsTheDesiredCountWithinTheBoundsWatchesItAndRefusesOutsideThem() async throws {
        let world = try MotoWorld.load()
        do {
            try await scaleWithinAndOutsideTheBounds(world)
        } catch {
            try? await restore(world)
            throw error
        }
        try await restore(world)
    }

    private func scaleWithinAndOutsideTheBounds(_ world: MotoWorld) async throws {
        let audit = Scratch.file("audit.jsonl").path
        let config = try world.writeConfig(extra: "audit_log: \(audit)\n").path
        let scale = ["scale", "frontend", "--env", "dev", "--yes", "--config", config]
        let before = try await frontend(world)
        XCTAssertEqual(before.desiredCount, 2, "the world is as seeded")

        let up = try ECSDashProcess.run(scale + ["--count", "3", "--no-wait"], environment: world.keys(of: "ci"))
        XCTAssertEqual(up.status, 0, up.stdout + up.stderr)
        XCTAssertTrue(up.stdout.contains("scale frontend in dev: desired 2 → 3 (auto scaling: min 1, max 4)"), up.stdout)
        XCTAssertTrue(up.stdout.contains("Application Auto Scaling may change it back within its cooldown"), up.stdout)
        XCTAssertTrue(up.stdout.contains("1. ECS UpdateService app-dev/frontend desiredCount=3"), up.stdout)
        XCTAssertTrue(up.stdout.contains("✓ auto scaling bounds: 3 is within min 1, max 4"), up.stdout)
        XCTAssertTrue(up.stdout.contains("scale frontend in dev to 3: done (not watching the task count: --no-wait)"), up.stdout)
        let scaled = try await frontend(world)
        XCTAssertEqual(scaled.desiredCount, 3, "DescribeServices shows the new desired count")
        XCTAssertEqual(scaled.deployments?.first?.id, before.deployments?.first?.id, "the count alone changed: no new deployment")

        let above = try ECSDashProcess.run(scale + ["--count", "5", "--no-wait"], environment: world.keys(of: "ci"))
        XCTAssertEqual(above.status, 3, above.stdout + above.stderr)
        XCTAssertTrue(above.stderr.contains("blocked by gate(s): auto scaling bounds (5 is above the max 4 of service/app-dev/frontend"), above.stderr)
        XCTAssertTrue(above.stdout.contains("✗ auto scaling bounds: 5 is above the max 4"), above.stdout)
        let refused = try await frontend(world)
        XCTAssertEqual(refused.desiredCount, 3, "a refused scale writes nothing")

        let same = try ECSDashProcess.run(scale + ["--count", "3"], environment: world.keys(of: "ci"))
        XCTAssertEqual(same.status, 0, same.stdout + same.stderr)
        XCTAssertTrue(same.stdout.contains("dev/frontend already wants 3 task(s) (3 running, 0 pending); nothing to do"), same.stdout)

        let watched = try ECSDashProcess.run(scale + ["--count", "4", "--wait-timeout", "60s"], environment: world.keys(of: "ci"))
        XCTAssertEqual(watched.status, 0, watched.stdout + watched.stderr)
        XCTAssertTrue(watched.stdout.contains("watching frontend until 4 run in dev (timeout 60s)"), watched.stdout)
        XCTAssertTrue(watched.stdout.contains("frontend: COMPLETED"), watched.stdout)
        XCTAssertTrue(watched.stdout.hasSuffix("scale frontend in dev to 4: 4 running\n"), watched.stdout)
        let four = try await frontend(world)
        XCTAssertEqual(four.desiredCount, 4)

        let down = try ECSDashProcess.run(scale + ["--count", "2", "--no-wait"], environment: world.keys(of: "ci"))
        XCTAssertEqual(down.status, 0, down.stdout + down.stderr)
        XCTAssertTrue(down.stdout.contains("desired 4 → 2 (auto scaling: min 1, max 4)"), down.stdout)
        let back = try await frontend(world)
        XCTAssertEqual(back.desiredCount, 2, "scaled back to the seeded count")

        let lines = try String(contentsOfFile: audit, encoding: .utf8).split(separator: "\n")
        let records = try lines.map { try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        XCTAssertEqual(records.map { "\($0["step"] ?? ""): \($0["result"] ?? "")" },
                       ["plan: 1 call(s): confirmed", "ECS UpdateService app-dev/frontend desiredCount=3: ok",
                        "plan: 1 call(s): confirmed", "ECS UpdateService app-dev/frontend desiredCount=4: ok", "watch: completed",
                        "plan: 1 call(s): confirmed", "ECS UpdateService app-dev/frontend desiredCount=2: ok"], "\(lines)")
        XCTAssertTrue(records.allSatisfy { $0["action"] as? String == "scale" && $0["environment"] as? String == "dev" }, "\(lines)")
        XCTAssertEqual(records.map { "\($0["old_count"] ?? "-") → \($0["new_count"] ?? "-")" }, ["2 → 3", "2 → 3", "3 → 4", "3 → 4", "3 → 4", "4 → 2", "4 → 2"])
        XCTAssertTrue(records.allSatisfy { ($0["identity"] as? String)?.contains(":assumed-role/DashboardDeployer/") == true }, "\(lines)")
    }

    func testReadOnlyRefusesAScaleAsItRefusesRestartAndChangesNothing() async throws {
        let world = try MotoWorld.load()
        let audit = Scratch.file("audit.jsonl").path
        let config = try world.writeConfig(extra: "audit_log: \(audit)\n").path
        let before = try await frontend(world)

        let scale = try ECSDashProcess.run(["scale", "frontend", "--env", "dev", "--count", "3", "--yes", "--read-only", "--config", config],
                                           environment: world.keys(of: "ci"))
        let restart = try ECSDashProcess.run(["restart", "frontend", "--env", "dev", "--yes", "--read-only", "--config", config],
                                             environment: world.keys(of: "ci"))
        XCTAssertNotEqual(scale.status, 0, scale.stdout + scale.stderr)
        XCTAssertEqual(scale.status, restart.status, "refused as restart is:\n\(scale.stderr)\n\(restart.stderr)")
        XCTAssertTrue(scale.stderr.contains("read-only"), scale.stderr)
        XCTAssertTrue(scale.stderr.contains("scale frontend in dev to 3"), scale.stderr)

        let configured = try world.writeConfig(extra: "audit_log: \(audit)\nread_only: true\n").path
        let fromConfig = try ECSDashProcess.run(["scale", "frontend", "--env", "dev", "--count", "3", "--yes", "--config", configured],
                                                environment: world.keys(of: "ci"))
        XCTAssertEqual(fromConfig.status, scale.status, fromConfig.stdout + fromConfig.stderr)

        let after = try await frontend(world)
        XCTAssertEqual(after.desiredCount, before.desiredCount, "nothing reached ECS")
        XCTAssertEqual(after.deployments?.first?.id, before.deployments?.first?.id)
        XCTAssertFalse(FileManager.default.fileExists(atPath: audit), "a refused action writes no audit line")
    }

    // MARK: Helpers

    private func frontend(_ world: MotoWorld) async throws -> ECSService {
        let dev = world.environment("dev")
        let access = try await world.assume(dev.readonly_role_arn)
        let result = try await ECSClient(context: access.context).describeServices(cluster: dev.cluster, services: ["frontend"])
        return try XCTUnwrap(result.items.first)
    }

    /// Puts frontend's desired count back to the seeded 2 with dev's deployer, whatever the test left.
    private func restore(_ world: MotoWorld) async throws {
        let dev = world.environment("dev")
        let seeded = try XCTUnwrap(dev.services["frontend"]?.desired_count)
        if try await frontend(world).desiredCount != seeded {
            let deployer = try await world.assume(dev.deployer_role_arn)
            _ = try await ECSClient(context: deployer.context).updateService(cluster: dev.cluster, service: "frontend", desiredCount: seeded)
        }
        let restored = try await frontend(world)
        XCTAssertEqual(restored.desiredCount, seeded, "the world ends as seeded")
    }
}
