import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
import Foundation
import TestSupport
import XCTest

/// From DescribeTaskDefinition's JSON to the summary: dates, names, sorting, and what must never be shown.
final class TaskDefinitionSummarizerTests: XCTestCase {
    /// A plain value planted where a careless task definition puts credentials: in a variable named like one, in a
    /// variable whose value is an access key, and in a log option named like a token.
    static let plantedValues = ["correct-horse-battery-staple", "AKIAIOSFODNN7EXAMPLE", "splunk-token-0123456789abcdef"]

    static let reply = """
    {"taskDefinition": {
      "taskDefinitionArn": "arn:aws:ecs:eu-west-1:555555555555:task-definition/prod-frontend:7",
      "family": "prod-frontend", "revision": 7, "status": "ACTIVE",
      "registeredAt": 1789740800.123,
      "cpu": "512", "memory": "1024", "networkMode": "awsvpc",
      "taskRoleArn": "arn:aws:iam::555555555555:role/service/frontend-task",
      "executionRoleArn": "arn:aws:iam::555555555555:role/ecsTaskExecutionRole",
      "containerDefinitions": [{
        "name": "frontend",
        "image": "111111111111.dkr.ecr.eu-west-1.amazonaws.com/myapp-frontend:prod@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "cpu": 256, "memoryReservation": 256, "essential": true,
        "environment": [
          {"name": "ZETA", "value": "last"},
          {"name": "APP_ENV", "value": "prod"},
          {"name": "SMTP_PASSWORD", "value": "correct-horse-battery-staple"},
          {"name": "LEGACY_KEY_ID", "value": "AKIAIOSFODNN7EXAMPLE"}
        ],
        "secrets": [
          {"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:555555555555:secret:prod/frontend/db-AbCdEf"},
          {"name": "API_KEY", "valueFrom": "/prod/frontend/api-key"}
        ],
        "portMappings": [{"containerPort": 8080, "hostPort": 8080, "protocol": "tcp", "name": "http"}],
        "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"], "interval": 5, "timeout": 2, "retries": 2, "startPeriod": 5},
        "logConfiguration": {"logDriver": "splunk",
                             "options": {"splunk-url": "https://splunk.example.com", "splunk-token": "splunk-token-0123456789abcdef"},
                             "secretOptions": [{"name": "splunk-token-from-store", "valueFrom": "/prod/splunk"}]},
        "mountPoints": [], "ulimits": []
      }]
    }}
    """

    /// DescribeTaskDefinition's reply, decoded as the client decodes it (epoch seconds with a fraction).
    private struct Reply: Decodable {
        var taskDefinition: ECSTaskDefinition
    }

    private func summary() throws -> TaskDefinitionSummary {
        TaskDefinitionSummarizer.summary(try AWSJSON.decode(Reply.self, from: Data(Self.reply.utf8), unit: .seconds).taskDefinition)
    }

    func testTheSummaryReadsEveryFieldPeopleAskFor() throws {
        let summary = try summary()
        XCTAssertEqual(summary.reference, "prod-frontend:7")
        XCTAssertEqual(summary.registeredAt?.timeIntervalSince1970 ?? 0, 1_789_740_800.123, accuracy: 0.001)
        XCTAssertEqual(summary.cpu, "512")
        XCTAssertEqual(summary.memory, "1024")
        XCTAssertEqual(summary.taskRole, "frontend-task", "a role's name, not its ARN")
        XCTAssertEqual(summary.executionRole, "ecsTaskExecutionRole")
        let container = try XCTUnwrap(summary.containers.first)
        XCTAssertEqual(container.imageReference.tag, "prod")
        XCTAssertEqual(container.imageReference.pinnedDigest?.hasPrefix("sha256:0123"), true)
        XCTAssertEqual(container.memoryReservation, 256)
        XCTAssertNil(container.memory)
        XCTAssertEqual(container.environment.map(\.name), ["APP_ENV", "LEGACY_KEY_ID", "SMTP_PASSWORD", "ZETA"], "sorted")
        XCTAssertEqual(container.secrets.map(\.name), ["API_KEY", "DB_PASSWORD"])
        XCTAssertEqual(container.secrets.last?.valueFrom, "arn:aws:secretsmanager:eu-west-1:555555555555:secret:prod/frontend/db-AbCdEf")
        XCTAssertEqual(container.ports.map(\.text), ["8080/tcp (http)"])
        XCTAssertEqual(container.healthCheck?.commandText, "curl -f http://localhost:8080/health || exit 1")
        XCTAssertEqual(container.healthCheck?.timingText, "every 5s, timeout 2s, 2 retries, start period 5s")
        XCTAssertEqual(container.log?.driver, "splunk")
        XCTAssertEqual(container.log?.secretOptions.map(\.valueFrom), ["/prod/splunk"])
    }

    /// Secrets show by name and source only; plain values that look like credentials are hidden everywhere the
    /// summary goes: the pane's lines and a diff against a definition without them.
    func testNoSecretLookingValueReachesTheText() throws {
        let summary = try summary()
        let container = try XCTUnwrap(summary.containers.first)
        XCTAssertEqual(container.environment.first { $0.name == "APP_ENV" }?.value, .plain("prod"))
        for name in ["SMTP_PASSWORD", "LEGACY_KEY_ID"] {
            guard case .hidden? = container.environment.first(where: { $0.name == name })?.value else { return XCTFail("\(name) is shown") }
        }
        var empty = summary
        empty.containers[0].environment = []
        empty.containers[0].log = nil
        let diff = TaskDefinitionDiff.between(empty, summary)
        let text = (TaskDefinitionReport.lines(summary, environment: "prod", now: Date()) + TaskDefinitionReport.lines(diff, from: ("uat", empty), to: ("prod", summary)))
            .map(\.text).joined(separator: "\n")
        for planted in Self.plantedValues { XCTAssertFalse(text.contains(planted), "\(planted) leaked:\n\(text)") }
        XCTAssertTrue(text.contains("SMTP_PASSWORD=[hidden"), text)
        XCTAssertTrue(text.contains("DB_PASSWORD ← arn:aws:secretsmanager:eu-west-1:555555555555:secret:prod/frontend/db-AbCdEf"), text)
        XCTAssertTrue(text.contains("splunk-url=https://splunk.example.com"), "plain options stay readable")
    }

    func testHiddenValuesAreEqualOnlyWhenTheyAre() {
        let first = TaskDefinitionSummarizer.variable(name: "DB_PASSWORD", value: "one")
        XCTAssertEqual(first, TaskDefinitionSummarizer.variable(name: "DB_PASSWORD", value: "one"))
        XCTAssertNotEqual(first, TaskDefinitionSummarizer.variable(name: "DB_PASSWORD", value: "two"))
    }
}
