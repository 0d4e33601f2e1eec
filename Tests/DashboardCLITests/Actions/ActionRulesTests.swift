import AWSClient
@testable import DashboardCLI
@testable import DashboardEngine
@testable import DashboardModel
@testable import DashboardViews
@testable import FleetSimulator
import Foundation
import XCTest

/// The pure rules of actions: routes, gates, confirmation, watch states, rollback checks.
final class ActionRulesTests: XCTestCase {
    let order = ["dev", "sit", "uat", "prod"]

    func testRouteDefaults() throws {
        XCTAssertEqual(try ActionRoute.resolve(from: "uat", to: nil, order: order).get().to, "prod")
        XCTAssertEqual(try ActionRoute.resolve(from: nil, to: "prod", order: order).get().from, "uat")
        XCTAssertThrowsError(try ActionRoute.resolve(from: "prod", to: nil, order: order).get())
        XCTAssertThrowsError(try ActionRoute.resolve(from: "qa", to: "prod", order: order).get())
    }

    func testAdjacencyGate() {
        XCTAssertTrue(PromotionGates.adjacent(from: "uat", to: "prod", order: order).passed)
        XCTAssertFalse(PromotionGates.adjacent(from: "dev", to: "prod", order: order).passed)
    }

    func testConfirmationPolicy() {
        XCTAssertEqual(ConfirmationPolicy.decide(environment: "uat", isProtected: false, yes: true, confirmEnvironment: nil, interactive: false), .proceed)
        XCTAssertEqual(ConfirmationPolicy.decide(environment: "prod", isProtected: true, yes: true, confirmEnvironment: "prod", interactive: false), .proceed)
        guard case .refuse = ConfirmationPolicy.decide(environment: "prod", isProtected: true, yes: true, confirmEnvironment: nil, interactive: true) else {
            return XCTFail("a protected target needs --confirm-env")
        }
        guard case .refuse(let message) = ConfirmationPolicy.decide(environment: "uat", isProtected: false, yes: false, confirmEnvironment: nil,
                                                                    interactive: false) else {
            return XCTFail("no terminal and no --yes refuses")
        }
        XCTAssertTrue(message.contains("--yes"))
        XCTAssertEqual(ConfirmationPolicy.decide(environment: "prod", isProtected: true, yes: false, confirmEnvironment: nil, interactive: true),
                       .ask(prompt: "prod is protected. Type its name to continue: ", expected: "prod"))
        XCTAssertTrue(ConfirmationPolicy.accepts(" prod\n".trimmingCharacters(in: .newlines), expected: "prod"))
        XCTAssertFalse(ConfirmationPolicy.accepts("y", expected: "prod"))
    }

    func testWatchStates() {
        let done = ECSService(serviceName: "a", deployments: [ECSDeployment(id: "d2", status: "PRIMARY", desiredCount: 2, runningCount: 2, rolloutState: "COMPLETED")])
        XCTAssertEqual(WatchState.of(done, deploymentId: "d2"), .completed)
        let rolledBack = ECSService(serviceName: "a", deployments: [
            ECSDeployment(id: "d3", status: "PRIMARY", rolloutState: "IN_PROGRESS"),
            ECSDeployment(id: "d2", status: "ACTIVE", rolloutState: "FAILED", rolloutStateReason: "ECS deployment circuit breaker: tasks failed to start."),
        ])
        XCTAssertEqual(WatchState.of(rolledBack, deploymentId: "d2"), .failed("ECS deployment circuit breaker: tasks failed to start."))
        let moto = ECSService(serviceName: "a", deployments: [ECSDeployment(id: "d9", status: "PRIMARY", desiredCount: 2, runningCount: 2)])
        XCTAssertEqual(WatchState.of(moto, deploymentId: "d9"), .completed, "no rolloutState: a lone PRIMARY at its count is done")
        XCTAssertEqual(RollbackCheck.family(of: "arn:aws:ecs:eu-west-1:1:task-definition/prod-web:7"), "prod-web")
    }

    func testBuildTagsLeaveOutEnvironmentTags() {
        XCTAssertEqual(PromotionPlanner.buildTags(["uat", "build-104", "prod-previous", "sit"], environments: order), ["build-104"])
    }
}
