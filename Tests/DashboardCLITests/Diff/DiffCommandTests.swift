import ArgumentParser
@testable import DashboardCLI
import DashboardEngine
import DashboardModel
import Foundation
import TestSupport
import XCTest

/// `ecsdash diff`: parsing, the JSON document, and exit codes against the in-process demo fleet.
final class DiffCommandTests: XCTestCase {
    func testParsesTheServiceAndBothSides() throws {
        let command = try DiffCommand.parse(["frontend", "--from", "uat", "--to", "prod", "--output", "json", "--demo"])
        XCTAssertEqual(command.service, "frontend")
        XCTAssertEqual(command.from, "uat")
        XCTAssertEqual(command.to, "prod")
        XCTAssertEqual(command.output, .json)
        XCTAssertThrowsError(try DiffCommand.parse(["frontend", "--from", "uat"]), "--to is required")
    }

    func testTheJSONDocumentListsDifferencesAndNeverASecretsValue() throws {
        let uat = TaskDefinitionFixtures.summary("uat")
        var prod = TaskDefinitionFixtures.summary("prod", memory: 1024)
        prod.containers[0].environment.append(.init(name: "SMTP_PASSWORD", value: .hidden(fingerprint: "0badc0de")))
        let document = DiffDocument(service: "frontend", from: ("uat", uat), to: ("prod", prod), diff: TaskDefinitionDiff.between(uat, prod))
        let json = document.json()
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["schema"] as? Int, 1)
        XCTAssertEqual(object["verdict"] as? String, "differs")
        let promotion = try XCTUnwrap(object["promotion"] as? [[String: Any]])
        XCTAssertEqual(promotion.map { $0["field"] as? String }, ["image"])
        let perEnvironment = try XCTUnwrap(object["per_environment"] as? [[String: Any]])
        XCTAssertEqual(perEnvironment.map { $0["field"] as? String },
                       ["memory", "environment.APP_ENV", "secrets.DB_PASSWORD", "environment.SMTP_PASSWORD"],
                       "in the baseline's order, then what only the target has")
        let added = try XCTUnwrap(perEnvironment.first { $0["field"] as? String == "environment.SMTP_PASSWORD" })
        XCTAssertTrue(added["from"] is NSNull, "absent shows as null")
        XCTAssertFalse(json.contains("0badc0de"), "not even the fingerprint goes out")
        let secret = try XCTUnwrap(perEnvironment.first { $0["field"] as? String == "secrets.DB_PASSWORD" })
        XCTAssertEqual(secret["to"] as? String, "arn:aws:secretsmanager:eu-west-1:555555555555:secret:prod/frontend/db")
        let to = try XCTUnwrap(object["to"] as? [String: Any])
        XCTAssertEqual(to["task_definition"] as? String, "prod-frontend:7")
        XCTAssertEqual(to["registered_at"] as? String, "2026-09-18T14:13:20Z", "an ISO date, never an epoch float")
    }

    func testAFailedReadNamesTheEnvironmentOperationAndCode() throws {
        let failure = TaskDefinitionReader.Failure(environment: "prod", operation: "ECS DescribeServices", code: "AccessDenied", message: "ECS DescribeServices failed: AccessDenied")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(DiffDocument(service: "frontend", failure: failure).json().utf8)) as? [String: Any])
        let error = try XCTUnwrap(object["error"] as? [String: Any])
        XCTAssertEqual(error["environment"] as? String, "prod")
        XCTAssertEqual(error["operation"] as? String, "ECS DescribeServices")
        XCTAssertEqual(error["code"] as? String, "AccessDenied")
        XCTAssertTrue(object["verdict"] is NSNull)
        XCTAssertEqual(failure.description, "prod: ECS DescribeServices failed: AccessDenied")
    }

    func testTheDemoFleetDiffersInMoreThanTheImage() async throws {
        var command = try DiffCommand.parse(["frontend", "--to", "prod", "--demo", "--output", "json"])
        do {
            try await command.run()
            XCTFail("the demo's uat and prod differ in APP_ENV, so the exit status is 1")
        } catch let exit as ExitCode {
            XCTAssertEqual(exit, .failure)
        }
        command = try DiffCommand.parse(["nosuch", "--from", "uat", "--to", "prod", "--demo"])
        do {
            try await command.run()
            XCTFail("a missing service is an error")
        } catch let failure as CommandFailure {
            XCTAssertEqual(failure.exitCode, .usage)
            XCTAssertTrue(failure.message.contains("uat: ECS DescribeServices"), failure.message)
            XCTAssertTrue(failure.message.contains("MISSING"), failure.message)
        }
    }
}
