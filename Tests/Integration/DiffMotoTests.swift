import AWSClient
import Foundation
import XCTest

/// `ecsdash diff` through the built binary against the moto world with signature checking on.
///
/// Other test classes read the same world, so the test that changes prod's backend points it back at its seeded
/// revision whatever happens. The revisions it registers stay behind: the deployer role may register task
/// definitions but not deregister them, and nothing else refers to them.
final class DiffMotoTests: XCTestCase {
    private let service = "backend"

    func testTheSeededUatAndProdDifferInTheImageAndPerEnvironment() throws {
        let world = try MotoWorld.load()
        let config = try world.writeConfig().path
        let json = try ECSDashProcess.run(["diff", service, "--from", "uat", "--to", "prod", "--output", "json", "--config", config],
                                          environment: world.keys(of: "ci"))
        XCTAssertEqual(json.status, 1, json.stdout + json.stderr)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], json.stdout)
        XCTAssertEqual(document["verdict"] as? String, "differs")
        let promotion = try XCTUnwrap(document["promotion"] as? [[String: Any]])
        XCTAssertEqual(promotion.first?["from"] as? String, world.environment("uat").services[service]?.image)
        XCTAssertEqual(promotion.first?["to"] as? String, world.environment("prod").services[service]?.image)
        let fields = try XCTUnwrap(document["per_environment"] as? [[String: Any]]).compactMap { $0["field"] as? String }
        XCTAssertEqual(fields, ["environment.APP_ENV", "logConfiguration.options.awslogs-group"])
        let to = try XCTUnwrap(document["to"] as? [String: Any])
        XCTAssertEqual(to["arn"] as? String, world.environment("prod").services[service]?.task_definition_arn)

        // Without --from the baseline is the environment before prod; the table says the same.
        let table = try ECSDashProcess.run(["diff", service, "--to", "prod", "--config", config], environment: world.keys(of: "ci"))
        XCTAssertEqual(table.status, 1, table.stderr)
        XCTAssertTrue(table.stdout.contains("uat → prod"), table.stdout)
        XCTAssertTrue(table.stdout.contains("backend environment.APP_ENV: uat → prod"), table.stdout)
    }

    func testOnlyTheImageExitsZeroAndMemoryAndAVariableExitOne() async throws {
        let world = try MotoWorld.load()
        let config = try world.writeConfig().path
        let prod = world.environment("prod")
        let seeded = try XCTUnwrap(prod.services[service]?.task_definition_arn)
        let deployer = try await world.assume(prod.deployer_role_arn).context
        let uatContext = try await world.assume(world.environment("uat").readonly_role_arn).context
        let uatDefinition = try await ECSClient(context: uatContext).describeTaskDefinition(try XCTUnwrap(world.environment("uat").services[service]?.task_definition_arn)).taskDefinition
        let prodECS = ECSClient(context: deployer)
        do {
            // uat's definition with prod's image: a promotion would make the two the same.
            var sameButImage = uatDefinition
            sameButImage.family = "prod-\(service)"
            sameButImage.containerDefinitions?[0].image = prod.services[service]?.image
            let onlyImage = try await prodECS.registerTaskDefinition(sameButImage)
            try await prodECS.updateService(cluster: prod.cluster, service: service, taskDefinition: try XCTUnwrap(onlyImage.taskDefinitionArn))
            let zero = try ECSDashProcess.run(["diff", service, "--from", "uat", "--to", "prod", "--output", "json", "--config", config],
                                              environment: world.keys(of: "ci"))
            XCTAssertEqual(zero.status, 0, zero.stdout + zero.stderr)
            let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(zero.stdout.utf8)) as? [String: Any])
            XCTAssertEqual(document["verdict"] as? String, "image_only")
            XCTAssertEqual((document["per_environment"] as? [Any])?.count, 0)

            var more = sameButImage
            more.containerDefinitions?[0].memory = 1024
            more.containerDefinitions?[0].environment?.append(ECSKeyValuePair(name: "FEATURE_FLAGS", value: "beta"))
            let differs = try await prodECS.registerTaskDefinition(more)
            try await prodECS.updateService(cluster: prod.cluster, service: service, taskDefinition: try XCTUnwrap(differs.taskDefinitionArn))
            let one = try ECSDashProcess.run(["diff", service, "--from", "uat", "--to", "prod", "--config", config], environment: world.keys(of: "ci"))
            XCTAssertEqual(one.status, 1, one.stdout + one.stderr)
            XCTAssertTrue(one.stdout.contains("backend image:"), one.stdout)
            XCTAssertTrue(one.stdout.contains("backend memory: 512 → 1024"), one.stdout)
            XCTAssertTrue(one.stdout.contains("backend environment.FEATURE_FLAGS: (absent) → beta"), one.stdout)
        } catch {
            _ = try? await prodECS.updateService(cluster: prod.cluster, service: service, taskDefinition: seeded)
            throw error
        }
        try await prodECS.updateService(cluster: prod.cluster, service: service, taskDefinition: seeded)
    }

    /// The read-only user cannot assume prod's deployer role: pointing prod's read role at it fails prod, and the
    /// message names the environment, the operation and AWS's code.
    func testAFailedReadNamesEnvironmentOperationAndCode() throws {
        let world = try MotoWorld.load()
        let broken = try world.writeConfig().path
        var text = try String(contentsOfFile: broken, encoding: .utf8)
        text = text.replacingOccurrences(of: world.environment("prod").readonly_role_arn, with: world.environment("prod").deployer_role_arn)
        try text.write(toFile: broken, atomically: true, encoding: .utf8)
        let result = try ECSDashProcess.run(["diff", service, "--to", "prod", "--output", "json", "--config", broken], environment: world.keys(of: "readonly"))
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("prod:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("AccessDenied"), result.stderr)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stdout)
        let error = try XCTUnwrap(document["error"] as? [String: Any])
        XCTAssertEqual(error["environment"] as? String, "prod")
        XCTAssertEqual(error["operation"] as? String, "STS AssumeRole", "the read role could not be assumed")
        XCTAssertEqual(error["code"] as? String, "AccessDenied")
    }

    /// The same command against the embedded simulator: no AWS, the same exit status rules.
    func testTheDemoFleet() throws {
        let result = try ECSDashProcess.run(["diff", "frontend", "--from", "uat", "--to", "prod", "--demo"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("frontend environment.APP_ENV: uat → prod"), result.stdout)
        XCTAssertTrue(result.stdout.contains("frontend secrets.DB_PASSWORD:\n      uat   arn:aws:secretsmanager:"), result.stdout)
    }
}
