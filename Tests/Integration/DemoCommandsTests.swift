import Foundation
import TestSupport
import XCTest

/// Every command with `--demo`, run as the built binary on one demo world kept in a temporary XDG_STATE_HOME:
/// the commands compose, the way the README tells it.
final class DemoCommandsTests: XCTestCase {
    var state: URL!
    var environment: [String: String] { ["XDG_STATE_HOME": state.path] }
    var worldFile: String { state.appendingPathComponent("ecsdash/demo-world.json").path }

    override func setUpWithError() throws {
        state = Scratch.directory("demo-state")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: state)
    }

    func run(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> ECSDashProcess.Result {
        try ECSDashProcess.run(arguments, environment: environment, timeout: 240, file: file, line: line)
    }

    func testPromoteStatusRollbackAndHistoryTellOneStory() throws {
        let before = try prodDigests()
        let uat = try XCTUnwrap(before.uat)
        let prod = try XCTUnwrap(before.prod)
        XCTAssertNotEqual(uat, prod, "the demo has something to promote")

        let promote = try run(["promote", "frontend", "--from", "uat", "--to", "prod", "--demo", "--yes", "--confirm-env", "prod"])
        XCTAssertEqual(promote.status, 0, promote.stdout + promote.stderr)
        XCTAssertEqual(try prodDigests().prod, uat, "status, a new process, sees prod on the promoted digest")

        let choices = try run(["rollback", "frontend", "--env", "prod", "--list", "--demo"])
        XCTAssertEqual(choices.status, 0, choices.stderr)
        XCTAssertTrue(choices.stdout.contains("prod-previous"), "the promotion left prod-previous behind:\n\(choices.stdout)")

        let rollback = try run(["rollback", "frontend", "--env", "prod", "--demo", "--yes", "--confirm-env", "prod"])
        XCTAssertEqual(rollback.status, 0, rollback.stdout + rollback.stderr)
        XCTAssertTrue(rollback.stdout.contains(prod), "back to what prod ran before:\n\(rollback.stdout)")
        XCTAssertEqual(try prodDigests().prod, prod)

        let history = try run(["history", "--demo", "--output", "json", "frontend", "--env", "prod"])
        XCTAssertEqual(history.status, 0, history.stderr)
        let records = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]], history.stdout)
        let completed = records.filter { $0["result"] as? String == "completed" }
        XCTAssertEqual(completed.map { $0["action"] as? String }, ["promote", "rollback"], history.stdout)
        XCTAssertEqual((completed.first?["new_digest"] as? String)?.contains(uat), true, history.stdout)
        XCTAssertEqual((completed.last?["new_digest"] as? String)?.contains(prod), true, history.stdout)

        // --demo-reset: a new world, where prod is back to where it started and the saved file is fresh.
        let reset = try run(["status", "--demo", "--demo-reset", "--output", "json"])
        XCTAssertEqual(reset.status, 0, reset.stderr)
        XCTAssertTrue(reset.stderr.contains("started a new demo world, kept in \(worldFile)"), reset.stderr)
        let saved = try String(contentsOfFile: worldFile, encoding: .utf8)
        XCTAssertTrue(saved.contains("\"changes\":[]"), saved)
    }

    func testEveryInspectingCommandWorksWithDemo() throws {
        let config = try run(["config", "--demo"])
        XCTAssertEqual(config.status, 0, config.stderr)
        XCTAssertTrue(config.stdout.contains("the demo's built-in config (--demo)") && config.stdout.contains(worldFile), config.stdout)
        XCTAssertTrue(config.stdout.contains("app-prod"), config.stdout)

        let doctor = try run(["doctor", "--demo", "--actions"])
        XCTAssertEqual(doctor.status, 0, doctor.stdout + doctor.stderr)
        XCTAssertTrue(doctor.stdout.hasPrefix("demo fleet: "), doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains(" 0 failing"), doctor.stdout)

        let clusters = try run(["call", "ecs", "ListClusters", "--env", "prod", "--demo"])
        XCTAssertEqual(clusters.status, 0, clusters.stderr)
        XCTAssertTrue(clusters.stdout.contains("arn:aws:ecs:eu-west-1:555555555555:cluster/app-prod"), clusters.stdout)
        let base = try run(["call", "sts", "GetCallerIdentity", "--demo"])
        XCTAssertEqual(base.status, 0, base.stderr)
        XCTAssertTrue(base.stdout.contains("arn:aws:iam::999999999999:user/demo"), base.stdout)

        let identity = try run(["identity", "--demo"])
        XCTAssertEqual(identity.status, 0, identity.stderr)
        XCTAssertTrue(identity.stdout.contains("arn:aws:iam::999999999999:user/demo") && identity.stdout.contains("Region:  eu-west-1"), identity.stdout)
        let role = try run(["identity", "--demo", "--role-arn", "arn:aws:iam::555555555555:role/DashboardReadOnly", "--json"])
        XCTAssertEqual(role.status, 0, role.stderr)
        let assumed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(role.stdout.utf8)) as? [String: String], role.stdout)
        XCTAssertEqual(assumed["account"], "555555555555")
        XCTAssertEqual(assumed["arn"]?.hasPrefix("arn:aws:sts::555555555555:assumed-role/DashboardReadOnly/"), true, role.stdout)

        let status = try run(["status", "--demo", "--env", "dev"])
        XCTAssertEqual(status.status, 0, status.stderr)
        for result in [config, doctor, clusters, base, identity, role, status] {
            XCTAssertFalse(result.stderr.contains("ecsdash: ecsdash:"), result.stderr)
            XCTAssertFalse(result.stderr.contains("try --demo"), result.stderr)
        }
    }

    func testABadWorldFileOrSizeIsOneClearMessage() throws {
        try FileManager.default.createDirectory(atPath: (worldFile as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: worldFile))
        let corrupt = try run(["status", "--demo"])
        XCTAssertEqual(corrupt.status, 2, corrupt.stdout)
        XCTAssertEqual(corrupt.stderr, "ecsdash: the saved demo world \(worldFile) is not a demo world file (not JSON, or no format number); add --demo-reset to start a new one\n")

        let reset = try run(["identity", "--demo", "--demo-reset"])
        XCTAssertEqual(reset.status, 0, reset.stderr)
        let resized = try run(["status", "--demo", "--demo-services", "7"])
        XCTAssertEqual(resized.status, 2, resized.stdout)
        XCTAssertTrue(resized.stderr.hasPrefix("ecsdash: the saved demo world \(worldFile) has 5 services per environment"), resized.stderr)
        XCTAssertTrue(resized.stderr.contains("add --demo-reset to start a new one with --demo-services 7"), resized.stderr)
        let fresh = try run(["status", "--demo", "--demo-services", "7", "--demo-reset", "--env", "dev"])
        XCTAssertEqual(fresh.status, 0, fresh.stderr)
        XCTAssertTrue(fresh.stdout.contains("payments") && fresh.stdout.contains("auth"), fresh.stdout)
    }

    /// The error that said the program's name twice and suggested the flag already given: now neither.
    func testErrorsNameTheProgramOnce() throws {
        let noConfig = try ECSDashProcess.run(["config"], environment: ["XDG_CONFIG_HOME": state.path, "XDG_STATE_HOME": state.path])
        XCTAssertEqual(noConfig.status, 2)
        XCTAssertTrue(noConfig.stderr.hasPrefix("ecsdash: no config found: "), noConfig.stderr)
        XCTAssertFalse(noConfig.stderr.contains("ecsdash: ecsdash:"), noConfig.stderr)

        let theme = try run(["--demo", "--theme", "oceen"])
        XCTAssertFalse(theme.stderr.contains("ecsdash: ecsdash:"), theme.stderr)
        XCTAssertFalse(theme.stderr.contains("try --demo"), theme.stderr)
    }

    /// frontend's uat and prod digests (short), as `status --output json` gives them.
    private func prodDigests(file: StaticString = #filePath, line: UInt = #line) throws -> (uat: String?, prod: String?) {
        let status = try run(["status", "--demo", "--output", "json", "--env", "uat", "--env", "prod"], file: file, line: line)
        XCTAssertEqual(status.status, 0, status.stderr, file: file, line: line)
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any], status.stdout, file: file, line: line)
        return (digest(in: document, environment: "uat"), digest(in: document, environment: "prod"))
    }

    private func digest(in document: [String: Any], environment: String) -> String? {
        let environments = document["environments"] as? [[String: Any]] ?? []
        let services = environments.first { $0["name"] as? String == environment }?["services"] as? [[String: Any]] ?? []
        let frontend = services.first { $0["name"] as? String == "frontend" }
        return ((frontend?["image"] as? [String: Any])?["digest"] as? String).map { String($0.replacingOccurrences(of: "sha256:", with: "").prefix(12)) }
    }
}
