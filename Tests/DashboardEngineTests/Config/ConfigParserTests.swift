@testable import DashboardEngine
@testable import DashboardModel
@testable import FleetSimulator
import Foundation
import TestSupport
import XCTest

final class ConfigParserTests: XCTestCase {
    func parse(_ text: String) throws -> DashboardConfig {
        try ConfigParser(file: "test.yaml").parse(text)
    }

    func error(_ text: String) -> String {
        do {
            _ = try parse(text)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    static let minimal = ConfigFixtures.minimal

    func testTheShippedExampleParses() throws {
        let text = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ecsdash.example.yaml"), encoding: .utf8)
        let config = try parse(text)
        XCTAssertEqual(config.environments.map(\.name), ["dev", "sit", "uat", "prod"])
        XCTAssertEqual(config.registry?.account, "111111111111")
        XCTAssertEqual(config.registry?.deployRoleArn, "arn:aws:iam::111111111111:role/DashboardDeployer")
        XCTAssertEqual(config.environment(named: "prod")?.isProtected, true)
        XCTAssertEqual(config.environment(named: "dev")?.isProtected, false)
        XCTAssertEqual(config.refresh, 10)
        XCTAssertEqual(config.region, "eu-west-1")
        XCTAssertEqual(config.problemRules, ProblemRules(window: 3600, stuckAfter: 600))
    }

    func testProblemWindowAndStuckThreshold() throws {
        let config = try parse("problem_window: 2h\nstuck_after: 15m\n" + Self.minimal)
        XCTAssertEqual(config.problemRules, ProblemRules(window: 7200, stuckAfter: 900))
        XCTAssertEqual(error("stuck_after: 5s\n" + Self.minimal), "test.yaml:1:14: stuck_after: must be at least 1m")
    }

    func testMinimalConfigAndDefaults() throws {
        let config = try parse(Self.minimal)
        XCTAssertEqual(config.environments, [EnvironmentConfig(name: "dev", access: AccountConfig(account: "222222222222"), cluster: "app-dev")])
        XCTAssertEqual(config.refresh, 10)
        XCTAssertEqual(config.theme, "default")
        XCTAssertFalse(config.readOnly)
        XCTAssertNil(config.registry)
    }

    func testFullEnvironment() throws {
        let config = try parse("""
        refresh: 1m30s
        read_only: yes
        endpoint_url: http://127.0.0.1:5000
        environments:
          - name: prod
            account: "012345678901"
            region: us-east-2
            profile: prod-admin
            deploy_role_arn: arn:aws:iam::012345678901:role/Deployer
            cluster: app-prod
            services: [frontend, backend]
            pipelines: app-prod-deploy
            protected: true
        """)
        let prod = try XCTUnwrap(config.environments.first)
        XCTAssertEqual(prod.access.account, "012345678901", "a quoted id keeps its leading zero")
        XCTAssertEqual(prod.access.profile, "prod-admin")
        XCTAssertEqual(prod.services, ["frontend", "backend"])
        XCTAssertEqual(prod.pipelines, ["app-prod-deploy"])
        XCTAssertTrue(prod.isProtected)
        XCTAssertEqual(config.refresh, 90)
        XCTAssertTrue(config.readOnly)
    }

    func testUnknownKeyNamesLineColumnAndSuggestion() {
        XCTAssertEqual(error("""
        region: eu-west-1
        enviroments: []
        """), "test.yaml:2:1: enviroments: unknown key (did you mean `environments`?)")
        XCTAssertEqual(error("""
        environments:
          - name: dev
            account: "222222222222"
            clustr: app-dev
        """), "test.yaml:4:5: environments[0].clustr: unknown key (did you mean `cluster`?)")
    }

    func testWrongTypes() {
        XCTAssertEqual(error("read_only: maybe\n" + Self.minimal), "test.yaml:1:12: read_only: expected true or false")
        XCTAssertEqual(error("environments: dev"), "test.yaml:1:15: environments: expected a list, found the value `dev`")
        XCTAssertEqual(error("region: [a, b]\n" + Self.minimal), "test.yaml:1:9: region: expected a single value, found a list")
    }

    func testDuplicateEnvironmentNames() {
        XCTAssertEqual(error(Self.minimal + """

          - name: dev
            account: "333333333333"
            cluster: other
        """), "test.yaml:5:11: environments[1].name: duplicate environment name `dev`")
    }

    func testMissingCluster() {
        XCTAssertEqual(error("""
        environments:
          - name: dev
            account: "222222222222"
        """), "test.yaml:2:5: environments[0].cluster: missing `cluster` for environment `dev`")
    }

    func testBadArnAndAccount() {
        XCTAssertEqual(error("""
        environments:
          - name: dev
            account: "2222"
            cluster: c
        """), "test.yaml:3:14: environments[0].account: `2222` is not a 12-digit AWS account id (quote it: \"012345678901\")")
        XCTAssertEqual(error("""
        environments:
          - name: dev
            account: "222222222222"
            role_arn: arn:aws:iam::2222:role/X
            cluster: c
        """), "test.yaml:4:15: environments[0].role_arn: `arn:aws:iam::2222:role/X` is not an IAM role ARN (arn:aws:iam::123456789012:role/Name)")
    }

    func testBadDuration() {
        XCTAssertEqual(error("refresh: soon\n" + Self.minimal), "test.yaml:1:10: refresh: `soon` is not a duration (like 10s, 2m, 1h30m)")
        XCTAssertEqual(error("refresh: 200ms\n" + Self.minimal), "test.yaml:1:10: refresh: must be at least 1s")
    }

    func testYAMLSyntaxErrorHasAPosition() {
        let message = error("environments:\n  - name: dev\n   account: [unclosed\n")
        XCTAssertTrue(message.hasPrefix("test.yaml:"), message)
        XCTAssertTrue(message.contains("YAML syntax"), message)
    }

    func testEmptyFileAndNoEnvironments() {
        XCTAssertTrue(error("").contains("the file is empty"))
        XCTAssertTrue(error("region: eu-west-1").contains("at least one environment is required"))
    }

    func testDurations() {
        XCTAssertEqual(Duration.seconds("10s"), 10)
        XCTAssertEqual(Duration.seconds("2m"), 120)
        XCTAssertEqual(Duration.seconds("1h30m"), 5400)
        XCTAssertEqual(Duration.seconds("500ms"), 0.5)
        XCTAssertEqual(Duration.seconds("15"), 15)
        XCTAssertNil(Duration.seconds("5 parsecs"))
        XCTAssertNil(Duration.seconds("m"))
        XCTAssertEqual(Duration.format(90), "1m30s")
        XCTAssertEqual(Duration.format(0.25), "250ms")
    }

    func testLocatorOrder() {
        var locator = ConfigLocator(environment: ["HOME": "/home/u"], currentDirectory: "/work", fileExists: { _ in false })
        XCTAssertNil(locator.locate(explicit: nil))
        XCTAssertEqual(locator.locate(explicit: "~/x.yaml"), .init(path: "/home/u/x.yaml", origin: "--config"))
        locator.fileExists = { $0 == "/home/u/.config/ecsdash/config.yaml" }
        XCTAssertEqual(locator.locate(explicit: nil)?.origin, "$XDG_CONFIG_HOME/ecsdash/config.yaml")
        locator.environment["XDG_CONFIG_HOME"] = "/xdg"
        locator.fileExists = { $0 == "/xdg/ecsdash/config.yaml" || $0 == "/work/ecsdash.yaml" }
        XCTAssertEqual(locator.locate(explicit: nil)?.path, "/work/ecsdash.yaml")
        locator.environment["ECSDASH_CONFIG"] = "/etc/e.yaml"
        XCTAssertEqual(locator.locate(explicit: nil), .init(path: "/etc/e.yaml", origin: "$ECSDASH_CONFIG"))
    }
}
