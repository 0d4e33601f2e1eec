import Foundation
import TestSupport
import XCTest

/// `ecsdash identity` end to end: the real executable, credentials from the environment, moto checking signatures.
final class IdentityCommandMotoTests: XCTestCase {
    func environment(_ world: MotoWorld, secret: String? = nil) -> [String: String] {
        let user = world.users["ci"]!
        return ["AWS_ACCESS_KEY_ID": user.access_key_id, "AWS_SECRET_ACCESS_KEY": secret ?? user.secret_access_key,
                "AWS_REGION": world.region]
    }

    func testBaseIdentityFromEnvironmentKeys() throws {
        let world = try MotoWorld.load()
        let result = try ECSDashProcess.run(["identity", "--endpoint-url", world.endpoint], environment: environment(world))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains(world.users["ci"]!.arn), result.stdout)
        XCTAssertFalse(result.stdout.contains(world.users["ci"]!.secret_access_key))
    }

    func testAssumedRoleInTheDevAccount() throws {
        let world = try MotoWorld.load()
        let dev = world.environment("dev")
        let result = try ECSDashProcess.run(["identity", "--endpoint-url", world.endpoint, "--role-arn", dev.readonly_role_arn, "--json"],
                                            environment: environment(world))
        XCTAssertEqual(result.status, 0, result.stderr)
        let identity = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: String]
        XCTAssertEqual(identity?["account"], dev.account)
        XCTAssertEqual(identity?["arn"]?.contains("assumed-role/DashboardReadOnly"), true, result.stdout)
    }

    func testProfileFromSharedFiles() throws {
        let world = try MotoWorld.load()
        let user = world.users["ci"]!
        let directory = Scratch.directory("profile")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let credentials = "[ops]\naws_access_key_id = \(user.access_key_id)\naws_secret_access_key = \(user.secret_access_key)\n"
        let config = "[profile ops]\nregion = \(world.region)\n\n[profile dev]\nrole_arn = \(world.environment("dev").readonly_role_arn)\nsource_profile = ops\nregion = \(world.region)\n"
        try credentials.write(to: directory.appendingPathComponent("credentials"), atomically: true, encoding: .utf8)
        try config.write(to: directory.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        let files = ["AWS_CONFIG_FILE": directory.appendingPathComponent("config").path,
                     "AWS_SHARED_CREDENTIALS_FILE": directory.appendingPathComponent("credentials").path,
                     // Wrong keys in the environment: an explicit --profile must not use them.
                     "AWS_ACCESS_KEY_ID": "AKIAWRONGWRONGWRONG", "AWS_SECRET_ACCESS_KEY": "wrong"]
        let result = try ECSDashProcess.run(["identity", "--profile", "dev", "--endpoint-url", world.endpoint], environment: files)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Account: 222222222222"), result.stdout)
    }

    func testWrongSecretGivesOneClearLineAndExitCode1() throws {
        let world = try MotoWorld.load()
        let result = try ECSDashProcess.run(["identity", "--endpoint-url", world.endpoint], environment: environment(world, secret: "not-it"))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("STS GetCallerIdentity failed: SignatureDoesNotMatch"), result.stderr)
        XCTAssertFalse(result.stderr.contains("not-it"), "the secret must never be printed")
    }

    func testMissingRegionExitsWith2() throws {
        let result = try ECSDashProcess.run(["identity"], environment: ["AWS_ACCESS_KEY_ID": "AKIA", "AWS_SECRET_ACCESS_KEY": "x"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("no AWS region"), result.stderr)
    }
}
