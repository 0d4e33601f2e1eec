import Foundation
import XCTest

/// `ecsdash doctor`, `ecsdash call` and `ecsdash config` run as executables against the moto world.
final class DoctorAndCallMotoTests: XCTestCase {
    func testDoctorPassesForTheRegistryAndAllFourEnvironments() throws {
        let world = try MotoWorld.load()
        let config = try world.writeConfig()
        let result = try ECSDashProcess.run(["doctor", "--config", config.path, "--actions"], environment: world.keys(of: "ci"))
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        for name in ["registry", "dev", "sit", "uat", "prod"] {
            XCTAssertTrue(result.stdout.contains("\(name) "), "missing \(name):\n\(result.stdout)")
        }
        XCTAssertTrue(result.stdout.contains("✓ ecs:ListServices app-prod"), result.stdout)
        XCTAssertTrue(result.stdout.contains("✓ ecr:DescribeRepositories"), result.stdout)
        XCTAssertTrue(result.stdout.contains("✓ assume DashboardDeployer"), result.stdout)
        XCTAssertTrue(result.stdout.contains("assumed-role/DashboardReadOnly"), result.stdout)
        XCTAssertFalse(result.stdout.contains("✗"), result.stdout)
        XCTAssertFalse(result.stdout.contains(world.users["ci"]!.secret_access_key))
    }

    func testDoctorWithAReadOnlyIdentityReportsTheMissingDeployPermission() throws {
        let world = try MotoWorld.load()
        let config = try world.writeConfig()
        let result = try ECSDashProcess.run(["doctor", "--config", config.path, "--actions", "--env", "prod"], environment: world.keys(of: "readonly"))
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("✓ ecs:ListServices app-prod"), result.stdout)
        XCTAssertTrue(result.stdout.contains("✗ assume DashboardDeployer"), result.stdout)
        XCTAssertTrue(result.stdout.contains("AccessDenied"), result.stdout)
        XCTAssertTrue(result.stdout.contains("needs sts:AssumeRole on arn:aws:iam::555555555555:role/DashboardDeployer"), result.stdout)
        XCTAssertFalse(result.stdout.contains("\ndev "), "--env prod checks only prod and the registry")
    }

    func testDoctorInTheWrongRegionNamesTheMissingCluster() throws {
        let world = try MotoWorld.load()
        let config = try world.writeConfig(region: "us-east-2")
        let result = try ECSDashProcess.run(["doctor", "--config", config.path, "--env", "dev"], environment: world.keys(of: "ci"))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("✗ ecs:ListServices app-dev"), result.stdout)
        XCTAssertTrue(result.stdout.contains("ClusterNotFoundException"), result.stdout)
    }

    func testDoctorAgainstAnUnreachableEndpointFailsClearly() throws {
        let world = try MotoWorld.load()
        let config = try world.writeConfig(endpoint: "http://127.0.0.1:9")
        let started = Date()
        let result = try ECSDashProcess.run(["doctor", "--config", config.path, "--env", "dev"], environment: world.keys(of: "ci"))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("ConnectionFailed"), result.stdout)
        XCTAssertTrue(result.stdout.contains("127.0.0.1:9"), result.stdout)
        // Generous bound on purpose: the point is that it ends by itself (connect timeout, bounded retries).
        XCTAssertLessThan(Date().timeIntervalSince(started), 120)
    }

    func testCallDescribeServicesPerEnvironment() throws {
        let world = try MotoWorld.load()
        let config = try world.writeConfig()
        for environment in world.environments {
            let input = #"{"cluster":"\#(environment.cluster)","services":["frontend"]}"#
            let result = try ECSDashProcess.run(["call", "ecs", "DescribeServices", "--env", environment.name, "--config", config.path, "--input", input],
                                                environment: world.keys(of: "ci"))
            XCTAssertEqual(result.status, 0, result.stderr)
            let reply = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let services = try XCTUnwrap(reply["services"] as? [[String: Any]])
            XCTAssertEqual(services.first?["serviceArn"] as? String, environment.services["frontend"]?.service_arn)
            XCTAssertEqual(services.first?["desiredCount"] as? Int, 2)
        }
    }

    func testCallQueryProtocolAndErrors() throws {
        let world = try MotoWorld.load()
        let config = try world.writeConfig()
        let identity = try ECSDashProcess.run(["call", "sts", "GetCallerIdentity", "--registry", "--config", config.path], environment: world.keys(of: "ci"))
        XCTAssertEqual(identity.status, 0, identity.stderr)
        XCTAssertTrue(identity.stdout.contains("assumed-role/DashboardReadOnly"), identity.stdout)

        let denied = try ECSDashProcess.run(["call", "ecs", "UpdateService", "--env", "dev", "--config", config.path,
                                             "--input", #"{"cluster":"app-dev","service":"frontend","forceNewDeployment":true}"#],
                                            environment: world.keys(of: "ci"))
        XCTAssertEqual(denied.status, 1)
        XCTAssertTrue(denied.stderr.contains("ECS UpdateService failed: AccessDenied"), denied.stderr)
        XCTAssertTrue(denied.stderr.contains("needs IAM permission ecs:UpdateService"), denied.stderr)

        let badInput = try ECSDashProcess.run(["call", "ecs", "ListServices", "--input", "[1]", "--endpoint-url", world.endpoint, "--region", world.region],
                                              environment: world.keys(of: "ci"))
        XCTAssertEqual(badInput.status, 2)
        XCTAssertTrue(badInput.stderr.contains("--input must be a JSON object"), badInput.stderr)
    }

    func testConfigCommandShowsSourcesAndBadConfigExits2() throws {
        let world = try MotoWorld.load()
        let config = try world.writeConfig()
        let shown = try ECSDashProcess.run(["config", "--config", config.path])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stdout.contains("refresh       5s"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("ecsdash.yaml:3]"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("prod (protected)"), shown.stdout)

        let broken = try world.writeConfig(extra: "  - name: dev\n    account: \"999999999999\"\n    cluster: again\n")
        let failed = try ECSDashProcess.run(["doctor", "--config", broken.path])
        XCTAssertEqual(failed.status, 2)
        XCTAssertTrue(failed.stderr.contains("ecsdash.yaml:"), failed.stderr)
        XCTAssertTrue(failed.stderr.contains("duplicate environment name `dev`"), failed.stderr)
    }
}
