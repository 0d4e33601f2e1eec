import AWSClient
import Foundation
import TestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// `ecsdash promote` / `rollback` through the real binary against the moto world with authentication on.
///
/// Other test classes read the same world, so every test leaves the registry exactly as seeded: the
/// `prod-previous` tag promote creates is removed afterwards (see `removeTag`). The forced deployments stay
/// (moto only changes the deployment id). moto never rolls out, so every run uses `--no-wait`.
final class ActionsMotoTests: XCTestCase {
    private let repository = "myapp-frontend"

    func testDryRunAndAnUnconfirmedProtectedTargetWriteNothing() async throws {
        let world = try MotoWorld.load()
        let config = try configPath(world)
        let before = try await tags(world)
        let dryRun = try ECSDashProcess.run(["promote", "frontend", "--from", "uat", "--to", "prod", "--dry-run", "--config", config],
                                            environment: world.keys(of: "ci"))
        XCTAssertEqual(dryRun.status, 0, dryRun.stderr)
        XCTAssertTrue(dryRun.stdout.contains("ECR PutImage myapp-frontend:prod-previous"), dryRun.stdout)
        XCTAssertTrue(dryRun.stdout.contains("dry run"), dryRun.stdout)

        let unconfirmed = try ECSDashProcess.run(["promote", "frontend", "--from", "uat", "--yes", "--no-wait", "--config", config],
                                                 environment: world.keys(of: "ci"))
        XCTAssertEqual(unconfirmed.status, 2, unconfirmed.stdout + unconfirmed.stderr)
        XCTAssertTrue(unconfirmed.stderr.contains("--confirm-env prod"), unconfirmed.stderr)
        let after = try await tags(world)
        XCTAssertEqual(after, before)
    }

    func testPromoteMovesTheTagAndRedeploysThenIsANoOpAndRollbackRestoresTheWorld() async throws {
        let world = try MotoWorld.load()
        let config = try configPath(world)
        let seeded = world.registry.repositories[repository]!.tags
        let deploymentBefore = try await prodDeploymentId(world)

        let promote = ["promote", "frontend", "--from", "uat", "--yes", "--confirm-env", "prod", "--no-wait", "--config", config]
        let first = try ECSDashProcess.run(promote, environment: world.keys(of: "ci"))
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        var now = try await tags(world)
        XCTAssertEqual(now["prod"], seeded["uat"], "prod now names the uat image")
        XCTAssertEqual(now["prod-previous"], seeded["prod"], "the replaced image is kept as prod-previous")
        let deploymentAfter = try await prodDeploymentId(world)
        XCTAssertNotEqual(deploymentAfter, deploymentBefore, "a new deployment was forced in the prod account")

        let second = try ECSDashProcess.run(promote, environment: world.keys(of: "ci"))
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("already promoted"), second.stdout)

        let rollback = try ECSDashProcess.run(["rollback", "frontend", "--env", "prod", "--yes", "--confirm-env", "prod", "--no-wait", "--config", config],
                                              environment: world.keys(of: "ci"))
        XCTAssertEqual(rollback.status, 0, rollback.stdout + rollback.stderr)
        now = try await tags(world)
        XCTAssertEqual(now["prod"], seeded["prod"], "the old digest is back")
        XCTAssertEqual(now["prod-previous"], seeded["uat"], "and the rollback itself can be undone")

        try await removeTag("prod-previous", world)
        let restored = try await tags(world)
        XCTAssertEqual(restored, seeded, "the world ends as seeded")
    }

    /// UpdateService is denied after the tags moved (the first run's prod deploy role is prod's read-only role,
    /// which lacks ecs:UpdateService); running the same promotion again with the right role finishes the redeploy
    /// and audits it, and a third run says nothing to do. moto reports no task digests, so what decides is the
    /// PRIMARY deployment's creation time (forceNewDeployment resets it) against the tag move in the audit log.
    func testAPromotionWhoseRedeployWasDeniedIsFinishedByRunningItAgain() async throws {
        let world = try MotoWorld.load()
        let seeded = world.registry.repositories[repository]!.tags
        do {
            try await promoteWithTheRedeployDeniedThenRunItAgain(world, seeded: seeded)
        } catch {
            try? await restore(seeded, world)
            throw error
        }
        try await restore(seeded, world)
    }

    private func promoteWithTheRedeployDeniedThenRunItAgain(_ world: MotoWorld, seeded: [String: String]) async throws {
        let audit = Scratch.file("audit.jsonl").path
        let config = try world.writeConfig(extra: "audit_log: \(audit)\n").path
        let prod = world.environment("prod")
        let denying = try world.writeConfig(extra: "audit_log: \(audit)\n").path
        let text = try String(contentsOfFile: denying, encoding: .utf8)
        XCTAssertTrue(text.contains("deploy_role_arn: \(prod.deployer_role_arn)\n"), text)
        try text.replacingOccurrences(of: "deploy_role_arn: \(prod.deployer_role_arn)\n", with: "deploy_role_arn: \(prod.readonly_role_arn)\n")
            .write(toFile: denying, atomically: true, encoding: .utf8)
        let promote = ["promote", "frontend", "--from", "uat", "--yes", "--confirm-env", "prod", "--no-wait", "--config"]
        let deploymentBefore = try await prodDeploymentId(world)

        let denied = try ECSDashProcess.run(promote + [denying], environment: world.keys(of: "ci"))
        XCTAssertEqual(denied.status, 1, denied.stdout + denied.stderr)
        XCTAssertTrue(denied.stderr.contains("missing IAM permission ecs:UpdateService on role \(prod.readonly_role_arn)"), denied.stderr)
        XCTAssertTrue(denied.stderr.contains("re-run the same command; it finishes the redeploy"), denied.stderr)
        let moved = try await tags(world)
        XCTAssertEqual(moved["prod"], seeded["uat"], "the tags moved before UpdateService was denied")
        let deploymentDenied = try await prodDeploymentId(world)
        XCTAssertEqual(deploymentDenied, deploymentBefore, "no deployment reached ECS")

        let rerun = try ECSDashProcess.run(promote + [config], environment: world.keys(of: "ci"))
        XCTAssertEqual(rerun.status, 0, rerun.stdout + rerun.stderr)
        XCTAssertTrue(rerun.stdout.contains("tags already moved; ECS reports no image digests for prod/frontend; its deployment"), rerun.stdout)
        XCTAssertTrue(rerun.stdout.contains("before the tag moved") && rerun.stdout.contains("— finishing the redeploy"), rerun.stdout)
        XCTAssertFalse(rerun.stdout.contains("nothing to do"), rerun.stdout)
        XCTAssertFalse(rerun.stdout.contains("PutImage"), "the tags are already right:\n\(rerun.stdout)")
        let deploymentAfter = try await prodDeploymentId(world)
        XCTAssertNotEqual(deploymentAfter, deploymentBefore, "the re-run forced the deployment the first run could not")
        let lines = try String(contentsOfFile: audit, encoding: .utf8).split(separator: "\n")
        let records = try lines.map { try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        XCTAssertEqual(records.suffix(2).map { "\($0["step"] ?? ""): \($0["result"] ?? "")" },
                       ["plan: finish the redeploy, 1 call(s): confirmed", "ECS UpdateService \(prod.cluster)/frontend forceNewDeployment: ok"], "\(lines)")
        XCTAssertTrue((records.last?["identity"] as? String)?.contains(":assumed-role/DashboardDeployer/") == true, "\(lines)")
        XCTAssertEqual(records.last?["new_digest"] as? String, seeded["uat"])

        let done = try ECSDashProcess.run(promote + [config], environment: world.keys(of: "ci"))
        XCTAssertEqual(done.status, 0, done.stdout + done.stderr)
        XCTAssertTrue(done.stdout.contains("after the tag moved") && done.stdout.contains("already promoted"), done.stdout)
        XCTAssertTrue(done.stdout.contains("prod runs it; nothing to do"), done.stdout)
        let deploymentDone = try await prodDeploymentId(world)
        XCTAssertEqual(deploymentDone, deploymentAfter, "nothing was redeployed")
        let recordsDone = try String(contentsOfFile: audit, encoding: .utf8).split(separator: "\n").count
        XCTAssertEqual(recordsDone, lines.count, "nothing to do writes nothing")
    }

    /// moto's tasks never change and report no image digest, so a promotion is never seen running: the watch says so
    /// at its timeout (exit 4, "no task runs sha256:… yet") instead of trusting the deployment's COMPLETED.
    func testAWatchThatNeverSeesTheNewDigestSaysSoAtItsTimeout() async throws {
        let world = try MotoWorld.load()
        let seeded = world.registry.repositories[repository]!.tags
        let config = try configPath(world)
        do {
            let result = try ECSDashProcess.run(["promote", "frontend", "--from", "uat", "--yes", "--confirm-env", "prod", "--wait-timeout", "3s",
                                                 "--config", config], environment: world.keys(of: "ci"))
            XCTAssertEqual(result.status, 4, result.stdout + result.stderr)
            let short = String(seeded["uat"]!.prefix(19))
            XCTAssertTrue(result.stderr.contains("not done after 3s") && result.stderr.contains("no task runs \(short) yet")
                          && result.stderr.contains("ECS reports no image digest"), result.stderr)
            XCTAssertTrue(result.stdout.contains("waiting for tasks to run \(short)"), "the progress said what it waited for:\n\(result.stdout)")
        } catch {
            try? await restore(seeded, world)
            throw error
        }
        try await restore(seeded, world)
        try await removeTag("prod-previous", world)
    }

    /// Read-only in every form refuses before any AWS call, exits 5 and names the switch: `--read-only` before or
    /// after the subcommand, `read_only: true` in the config, and `read_only: true` on the target environment.
    func testReadOnlyInEveryFormRefusesAndTheWorldIsUnchanged() async throws {
        let world = try MotoWorld.load()
        let before = try await tags(world)
        let deploymentBefore = try await prodDeploymentId(world)
        let config = try configPath(world)
        let promote = ["promote", "frontend", "--from", "uat", "--yes", "--confirm-env", "prod", "--no-wait", "--config", config]
        let rollback = ["rollback", "frontend", "--env", "prod", "--yes", "--confirm-env", "prod", "--no-wait", "--config", config]
        let restart = ["restart", "frontend", "--env", "prod", "--yes", "--confirm-env", "prod", "--no-wait", "--config", config]
        var runs: [(String, [String], String)] = []
        for command in [promote, rollback, restart] {
            runs.append(("--read-only after \(command[0])", command + ["--read-only"], "read-only (--read-only)"))
            runs.append(("--read-only before \(command[0])", ["--read-only"] + command, "read-only (--read-only)"))
        }
        let globalFile = try world.writeConfig(extra: "read_only: true\n")
        let prodOnly = try world.writeConfig()
        let text = try String(contentsOf: prodOnly, encoding: .utf8)
        try text.replacingOccurrences(of: "    protected: true", with: "    protected: true\n    read_only: true").write(to: prodOnly, atomically: true, encoding: .utf8)
        runs.append(("read_only: true", Array(promote.dropLast()) + [globalFile.path], "read-only (read_only: true (\(globalFile.path):"))
        runs.append(("prod's read_only: true", Array(rollback.dropLast()) + [prodOnly.path], "read-only (read_only: true on environment prod (\(prodOnly.path)))"))
        for (label, arguments, said) in runs {
            let result = try ECSDashProcess.run(arguments, environment: world.keys(of: "ci"))
            XCTAssertEqual(result.status, 5, "\(label): \(result.stdout)\(result.stderr)")
            XCTAssertTrue(result.stderr.contains(said), "\(label) names its switch: \(result.stderr)")
            XCTAssertTrue(result.stdout.isEmpty, "\(label): refused before any plan was read: \(result.stdout)")
        }
        // Outside prod, the per-environment switch does not refuse.
        let dryRun = try ECSDashProcess.run(["restart", "frontend", "--env", "dev", "--dry-run", "--config", prodOnly.path], environment: world.keys(of: "ci"))
        XCTAssertEqual(dryRun.status, 0, dryRun.stderr)
        let after = try await tags(world)
        let deploymentAfter = try await prodDeploymentId(world)
        XCTAssertEqual(after, before, "no tag moved")
        XCTAssertEqual(deploymentAfter, deploymentBefore, "no deployment was forced")
    }

    /// The viewer identity cannot assume the deployer roles: it is told so, naming the role, before any prompt.
    func testTheViewerIsRefusedBeforeAnyPromptWithTheRoleNamed() async throws {
        let world = try MotoWorld.load()
        let before = try await tags(world)
        let config = try configPath(world)
        // No --yes and no terminal: the confirmation would be refused for want of one, but the roles come first.
        let result = try ECSDashProcess.run(["promote", "frontend", "--from", "uat", "--to", "prod", "--no-wait", "--config", config],
                                            environment: world.keys(of: "readonly"))
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("cannot act in the registry: assuming \(world.registry.deployer_role_arn) was refused (AccessDenied)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("needs sts:AssumeRole on \(world.registry.deployer_role_arn)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("nothing was asked and nothing was changed"), result.stderr)
        XCTAssertFalse(result.stdout.contains("Type its name") || result.stderr.contains("no terminal to confirm on"), "nothing was asked: \(result.stdout)")
        XCTAssertTrue(result.stdout.contains("✓ adjacent"), "the plan and gates were shown first:\n\(result.stdout)")
        let after = try await tags(world)
        XCTAssertEqual(after, before)
    }

    func testReadOnlyKeysAreDeniedWithTheMissingPermissionAndNothingChanges() async throws {
        let world = try MotoWorld.load()
        let before = try await tags(world)
        let promote = ["promote", "frontend", "--from", "uat", "--yes", "--confirm-env", "prod", "--no-wait", "--config"]

        // The read-only user may not even assume the deployer role: the message names sts:AssumeRole and the role.
        let denied = try ECSDashProcess.run(promote + [try configPath(world)], environment: world.keys(of: "readonly"))
        XCTAssertEqual(denied.status, 1, denied.stdout + denied.stderr)
        XCTAssertTrue(denied.stderr.contains("sts:AssumeRole"), denied.stderr)
        XCTAssertTrue(denied.stderr.contains(world.registry.deployer_role_arn), denied.stderr)
        XCTAssertTrue(denied.stderr.contains("nothing was changed"), denied.stderr)

        // With the read-only roles as deploy roles the role is assumed and PutImage itself is refused.
        let path = try configPath(world)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "role/DashboardDeployer", with: "role/DashboardReadOnly")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let putDenied = try ECSDashProcess.run(promote + [path], environment: world.keys(of: "readonly"))
        XCTAssertEqual(putDenied.status, 1, putDenied.stdout + putDenied.stderr)
        XCTAssertTrue(putDenied.stderr.contains("missing IAM permission ecr:PutImage on role \(world.registry.readonly_role_arn)"), putDenied.stderr)
        let after = try await tags(world)
        XCTAssertEqual(after, before)
    }

    // MARK: Helpers

    /// No seeded identity may delete tags (ecr:BatchDeleteImage), so this lets exactly one request through
    /// unchecked (`/moto-api/reset-auth` with body 1: moto checks again from the next request on) and deletes
    /// the tag with the registry deployer's keys; the image keeps its build tag, so moto keeps the image.
    private func removeTag(_ tag: String, _ world: MotoWorld) async throws {
        let registry = try await world.assume(world.registry.deployer_role_arn)
        var reset = URLRequest(url: try XCTUnwrap(URL(string: world.endpoint + "/moto-api/reset-auth")))
        reset.httpMethod = "POST"
        reset.setValue("application/octet-stream", forHTTPHeaderField: "Content-Type")
        reset.httpBody = Data("1".utf8)
        _ = try await URLSession.shared.data(for: reset)
        let body = #"{"repositoryName":"\#(repository)","imageIds":[{"imageTag":"\#(tag)"}]}"#
        _ = try await AWSServiceClient(service: .ecr, context: registry.context).jsonRaw("BatchDeleteImage", body: Data(body.utf8))
    }

    /// Points every tag back at its seeded digest (PutImage with the registry deployer) and removes tags the seed did
    /// not have, so a test that failed half-way still leaves the world as seeded.
    private func restore(_ seeded: [String: String], _ world: MotoWorld) async throws {
        let now = try await tags(world)
        guard now != seeded else { return }
        let registry = try await world.assume(world.registry.deployer_role_arn)
        let ecr = ECRClient(context: registry.context)
        for (tag, digest) in seeded.sorted(by: { $0.key < $1.key }) where now[tag] != digest {
            let image = try await ecr.batchGetImage(repositoryName: repository, imageIds: [ECRImageIdentifier(imageDigest: digest)]).images.first
            try await ecr.putImage(ECRPutImageRequest(repositoryName: repository, imageManifest: image?.imageManifest ?? "",
                                                      imageManifestMediaType: image?.imageManifestMediaType, imageTag: tag))
        }
        for tag in Set(now.keys).subtracting(seeded.keys).sorted() { try await removeTag(tag, world) }
        let restored = try await tags(world)
        XCTAssertEqual(restored, seeded, "the world ends as seeded")
    }

    private func configPath(_ world: MotoWorld) throws -> String {
        let audit = Scratch.file("audit.jsonl").path
        return try world.writeConfig(extra: "audit_log: \(audit)\n").path
    }

    /// Every tag of the repository → its digest, read with the registry's read-only role.
    private func tags(_ world: MotoWorld) async throws -> [String: String] {
        let registry = try await world.assume(world.registry.readonly_role_arn)
        let details = try await ECRClient(context: registry.context).describeImages(repositoryName: repository)
        var result: [String: String] = [:]
        for detail in details { for tag in detail.imageTags ?? [] { result[tag] = detail.imageDigest } }
        return result
    }

    private func prodDeploymentId(_ world: MotoWorld) async throws -> String? {
        let prod = world.environment("prod")
        let access = try await world.assume(prod.readonly_role_arn)
        let service = try await ECSClient(context: access.context).describeServices(cluster: prod.cluster, services: ["frontend"]).items.first
        return service?.deployments?.first { $0.status == "PRIMARY" }?.id
    }
}
