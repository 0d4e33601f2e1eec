import Foundation
import XCTest

/// `ecsdash status` against the moto world: every tag→digest and count must match what boto3 seeded.
final class StatusMotoTests: XCTestCase {
    func testJSONMatchesTheSeededWorld() throws {
        let world = try MotoWorld.load()
        let config = try world.writeConfig()
        let result = try ECSDashProcess.run(["status", "--output", "json", "--config", config.path], environment: world.keys(of: "ci"))
        XCTAssertEqual(result.status, 0, result.stderr)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(document["schema"] as? Int, 1)
        let environments = try XCTUnwrap(document["environments"] as? [[String: Any]])
        XCTAssertEqual(environments.map { $0["name"] as? String }, ["dev", "sit", "uat", "prod"], "promotion order is kept")
        for environment in environments {
            let name = try XCTUnwrap(environment["name"] as? String)
            let seeded = world.environment(name)
            XCTAssertEqual(environment["ok"] as? Bool, true, "\(name): \(environment["error"] ?? "")")
            XCTAssertEqual(environment["account"] as? String, seeded.account)
            let services = try XCTUnwrap(environment["services"] as? [[String: Any]])
            XCTAssertEqual(Set(services.compactMap { $0["name"] as? String }), Set(seeded.services.keys))
            for service in services {
                let serviceName = try XCTUnwrap(service["name"] as? String)
                let image = try XCTUnwrap(service["image"] as? [String: Any])
                let repository = "myapp-\(serviceName)"
                XCTAssertEqual(image["repository"] as? String, repository)
                XCTAssertEqual(image["tag"] as? String, name)
                XCTAssertEqual(image["digest"] as? String, world.registry.repositories[repository]?.tags[name], "\(name)/\(serviceName) tag→digest")
                XCTAssertEqual(service["desired"] as? Int, seeded.services[serviceName]?.desired_count)
                XCTAssertEqual(service["running"] as? Int, seeded.services[serviceName]?.running_count)
                let tasks = try XCTUnwrap(service["tasks"] as? [String: Int])
                XCTAssertEqual(tasks["running"], seeded.services[serviceName]?.task_arns.count, "\(name)/\(serviceName) tasks grouped by service")
            }
        }
    }

    func testTableAndNarrowingAndAFailingEnvironment() throws {
        let world = try MotoWorld.load()
        let config = try world.writeConfig()
        let table = try ECSDashProcess.run(["status", "--config", config.path, "--env", "uat", "--env", "prod"], environment: world.keys(of: "ci"))
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.contains("UAT"), table.stdout)
        XCTAssertFalse(table.stdout.contains("DEV"), table.stdout)
        let uatFrontend = StatusTableDigest.short(world.registry.repositories["myapp-frontend"]!.tags["uat"]!)
        XCTAssertTrue(table.stdout.contains("uat→\(uatFrontend) 2/2"), table.stdout)

        // The read-only user cannot assume the deployer role, so pointing prod's read role at it fails prod alone.
        let broken = try world.writeConfig().path
        var text = try String(contentsOfFile: broken, encoding: .utf8)
        text = text.replacingOccurrences(of: "arn:aws:iam::555555555555:role/DashboardReadOnly", with: "arn:aws:iam::555555555555:role/DashboardDeployer")
        try text.write(toFile: broken, atomically: true, encoding: .utf8)
        let partial = try ECSDashProcess.run(["status", "--output", "json", "--config", broken], environment: world.keys(of: "readonly"))
        XCTAssertEqual(partial.status, 1)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(partial.stdout.utf8)) as? [String: Any])
        let environments = try XCTUnwrap(document["environments"] as? [[String: Any]])
        XCTAssertEqual(environments.filter { $0["ok"] as? Bool == true }.count, 3)
        let prodError = try XCTUnwrap(environments.last?["error"] as? [String: Any])
        XCTAssertEqual(prodError["code"] as? String, "AccessDenied")
        XCTAssertEqual(prodError["operation"] as? String, "STS AssumeRole")
    }
}

/// The short digest the table prints (first 7 hex characters).
enum StatusTableDigest {
    static func short(_ digest: String) -> String {
        String((digest.split(separator: ":").last ?? "").prefix(7))
    }
}
