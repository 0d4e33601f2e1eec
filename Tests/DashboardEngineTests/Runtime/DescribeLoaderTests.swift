import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
import Foundation
import TestSupport
import XCTest

final class DescribeLoaderTests: XCTestCase {
    func testBodiesAreTheOperationsFieldsForOneItem() throws {
        func body(_ kind: DescribeTarget.Kind, _ identifier: String) throws -> String {
            String(decoding: try DescribeLoader.body(for: DescribeTarget(environment: "dev", kind: kind, identifier: identifier, cluster: "app-dev")),
                   as: UTF8.self)
        }
        XCTAssertEqual(try body(.service, "frontend"), #"{"cluster":"app-dev","services":["frontend"]}"#)
        XCTAssertEqual(try body(.task, "arn:aws:ecs:eu-west-1:1:task/app-dev/abc"),
                       #"{"cluster":"app-dev","tasks":["arn:aws:ecs:eu-west-1:1:task/app-dev/abc"]}"#)
        XCTAssertEqual(try body(.taskDefinition, "myapp-frontend:3"), #"{"taskDefinition":"myapp-frontend:3"}"#)
        XCTAssertEqual(DescribeLoader.operation(for: .taskDefinition), "DescribeTaskDefinition")
    }

    func testTheReplyIsShownIndentedWithEveryField() async throws {
        let harness = SimulatorHarness()
        let context = try await harness.roleContext("dev")
        let target = DescribeTarget(environment: "dev", kind: .service, identifier: "frontend", cluster: "app-dev")
        guard case .describeLoaded(_, let text?, nil)? = await DescribeLoader().load(target, context: context) else {
            return XCTFail("no JSON")
        }
        XCTAssertTrue(text.contains("\n  \"services\" : ["), text)
        XCTAssertTrue(text.contains("\"serviceName\" : \"frontend\""), text)
    }

    func testAFailureComesBackAsThePanesError() async throws {
        let harness = SimulatorHarness()
        let context = try await harness.roleContext("dev")
        let target = DescribeTarget(environment: "dev", kind: .taskDefinition, identifier: "nope:1", cluster: "app-dev")
        guard case .describeLoaded(_, nil, let error?)? = await DescribeLoader().load(target, context: context) else {
            return XCTFail("no error")
        }
        XCTAssertFalse(error.isEmpty)
        let unknown = await DescribeLoader().load(target, context: nil)
        XCTAssertNil(unknown)
    }
}
