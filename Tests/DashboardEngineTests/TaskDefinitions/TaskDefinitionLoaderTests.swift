import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
import Foundation
import TestSupport
import XCTest

/// The pane's loader against the simulated fleet: both revisions in one event, each side failing on its own.
final class TaskDefinitionLoaderTests: XCTestCase {
    func testLoadsTheRevisionAndItsBaselineThroughEachEnvironmentsRole() async throws {
        let harness = SimulatorHarness()
        let uat = try await harness.service(try await harness.ecs("uat"), "uat", "frontend")
        let prod = try await harness.service(try await harness.ecs("prod"), "prod", "frontend")
        let contexts = ["uat": try await harness.roleContext("uat"), "prod": try await harness.roleContext("prod")]
        let target = TaskDefinitionTarget(environment: "prod", service: "frontend", arn: try XCTUnwrap(prod.taskDefinition),
                                          baseline: .init(environment: "uat", arn: try XCTUnwrap(uat.taskDefinition)))
        guard case .taskDefinitionLoaded(let loaded, let load) = await TaskDefinitionLoader().load(target, contexts: { contexts[$0] }) else {
            return XCTFail("wrong event")
        }
        XCTAssertEqual(loaded, target)
        XCTAssertNil(load.error)
        XCTAssertEqual(load.summary?.family, "prod-frontend")
        XCTAssertEqual(load.baseline?.family, "uat-frontend")
        let diff = TaskDefinitionDiff.between(try XCTUnwrap(load.baseline), try XCTUnwrap(load.summary))
        XCTAssertEqual(diff.promotion.map(\.field), ["image"])
        XCTAssertTrue(diff.perEnvironment.contains { $0.field == "environment.APP_ENV" && $0.from == "uat" && $0.to == "prod" })
    }

    func testAnUnreadableBaselineLeavesTheSummary() async throws {
        let harness = SimulatorHarness()
        let prod = try await harness.service(try await harness.ecs("prod"), "prod", "frontend")
        let context = try await harness.roleContext("prod")
        let target = TaskDefinitionTarget(environment: "prod", service: "frontend", arn: try XCTUnwrap(prod.taskDefinition),
                                          baseline: .init(environment: "uat", arn: "uat-frontend:999"))
        guard case .taskDefinitionLoaded(_, let load) = await TaskDefinitionLoader().load(target, contexts: { $0 == "prod" ? context : nil }) else {
            return XCTFail("wrong event")
        }
        XCTAssertNotNil(load.summary)
        XCTAssertEqual(load.baselineError, "uat: not a configured environment")
    }
}
