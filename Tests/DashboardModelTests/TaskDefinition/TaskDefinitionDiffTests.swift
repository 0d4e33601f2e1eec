@testable import DashboardModel
import Foundation
import TestSupport
import XCTest

/// What the diff lists, in which order and under which heading.
final class TaskDefinitionDiffTests: XCTestCase {
    func testImageComesFirstAndIsTheOnlyThingAPromotionChanges() {
        let uat = TaskDefinitionFixtures.summary("uat")
        let prod = TaskDefinitionFixtures.summary("prod", memory: 1024)
        let diff = TaskDefinitionDiff.between(uat, prod)
        XCTAssertEqual(diff.promotion, [TaskDefinitionDiff.Change(container: "frontend", field: "image",
                                                                 from: "\(UITestFleet.registry)/myapp-frontend:uat",
                                                                 to: "\(UITestFleet.registry)/myapp-frontend:prod")])
        XCTAssertEqual(diff.perEnvironment.map(\.label), ["frontend memory", "frontend environment.APP_ENV", "frontend secrets.DB_PASSWORD"])
        XCTAssertEqual(diff.perEnvironment[0].from, "512")
        XCTAssertEqual(diff.perEnvironment[0].to, "1024")
        XCTAssertFalse(diff.onlyImageDiffers)
        let lines = TaskDefinitionReport.lines(diff, from: ("uat", uat), to: ("prod", prod)).map(\.text)
        XCTAssertEqual(lines.first, "uat → prod   uat-frontend:12 → prod-frontend:7")
        let image = lines.firstIndex { $0.contains("frontend image") }!
        let memory = lines.firstIndex { $0.contains("frontend memory") }!
        XCTAssertLessThan(image, memory, "the image is listed before what stays per environment")
    }

    func testOnlyTheImageAndNothingAtAll() {
        let uat = TaskDefinitionFixtures.summary("uat", appEnv: "shared")
        var prod = TaskDefinitionFixtures.summary("uat", appEnv: "shared")
        prod.family = "prod-frontend"
        prod.revision = 3
        prod.registeredAt = nil
        XCTAssertTrue(TaskDefinitionDiff.between(uat, prod).isEmpty, "family, revision and date are identity, not differences")
        prod.containers[0].image = "\(UITestFleet.registry)/myapp-frontend:prod"
        let diff = TaskDefinitionDiff.between(uat, prod)
        XCTAssertEqual(diff.promotion.count, 1)
        XCTAssertTrue(diff.onlyImageDiffers)
        XCTAssertFalse(diff.isEmpty)
    }

    func testAbsentFieldsAndContainersShowAsAbsent() {
        let uat = TaskDefinitionFixtures.summary("uat")
        var prod = uat
        prod.containers[0].environment.removeAll { $0.name == "LOG_LEVEL" }
        prod.containers.append(TaskDefinitionSummary.Container(name: "sidecar", image: "envoy:1.30"))
        let diff = TaskDefinitionDiff.between(uat, prod)
        XCTAssertEqual(diff.perEnvironment.first, TaskDefinitionDiff.Change(container: "frontend", field: "environment.LOG_LEVEL", from: "info", to: nil))
        XCTAssertEqual(diff.promotion.last, TaskDefinitionDiff.Change(container: "sidecar", field: "image", from: nil, to: "envoy:1.30"))
        XCTAssertTrue(TaskDefinitionReport.changeText(diff.perEnvironment[0]).contains("info → (absent)"))
    }

    /// Hidden values never show, yet two different hidden values still count as a difference.
    func testHiddenValuesCompareByFingerprintAndShowNoValue() {
        var uat = TaskDefinitionFixtures.summary("uat")
        var prod = uat
        uat.containers[0].environment.append(.init(name: "API_TOKEN", value: .hidden(fingerprint: "aaaa1111")))
        prod.containers[0].environment.append(.init(name: "API_TOKEN", value: .hidden(fingerprint: "bbbb2222")))
        let diff = TaskDefinitionDiff.between(uat, prod)
        XCTAssertEqual(diff.perEnvironment.map(\.field), ["environment.API_TOKEN"])
        XCTAssertEqual(diff.perEnvironment[0].from, TaskDefinitionSummary.Variable.Value.hidden(fingerprint: "").text)
        prod.containers[0].environment = uat.containers[0].environment
        XCTAssertTrue(TaskDefinitionDiff.between(uat, prod).isEmpty)
    }

    func testSummaryLinesShowDatesNotEpochsAndSecretsBySource() {
        let summary = TaskDefinitionFixtures.summary("prod")
        let text = TaskDefinitionReport.lines(summary, environment: "prod", now: UITestFleet.now).map(\.text).joined(separator: "\n")
        XCTAssertTrue(text.contains("registered  2026-09-18 14:13:20 UTC (3d ago)"), text)
        XCTAssertFalse(text.contains("1789"), "no epoch seconds")
        XCTAssertTrue(text.contains("DB_PASSWORD ← arn:aws:secretsmanager:eu-west-1:555555555555:secret:prod/frontend/db"), text)
        let environment = text.components(separatedBy: "\n").filter { $0.hasPrefix("    ") && !$0.hasPrefix("     ") && $0.contains("=") }
        XCTAssertEqual(environment, ["    APP_ENV=prod", "    LOG_LEVEL=info"], "variables sorted by name")
    }
}
