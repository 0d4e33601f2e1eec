@testable import AWSClient
import Foundation
import XCTest

/// ApplicationAutoScalingClient against a recorded exchange and scripted pages.
final class ApplicationAutoScalingClientTests: XCTestCase {
    private func client(_ transport: ScriptedTransport) -> ApplicationAutoScalingClient {
        ApplicationAutoScalingClient(context: AWSFixture.context(transport))
    }

    func testAnECSServiceTargetIsAskedForByResourceIdAndDimension() async throws {
        let fixture = try AWSFixture("application-autoscaling/DescribeScalableTargets")
        let transport = ScriptedTransport(responses: [fixture.response])
        let target = try await client(transport).ecsServiceTarget(cluster: "app-prod", service: "frontend")
        try fixture.assertMatches(transport.requests.first)
        XCTAssertEqual(target?.minCapacity, 2)
        XCTAssertEqual(target?.maxCapacity, 8)
        XCTAssertEqual(target?.suspendedState?.dynamicScalingInSuspended, false)
        XCTAssertEqual(target?.creationTime?.timeIntervalSince1970 ?? 0, 1_700_000_000.25, accuracy: 1e-6)
        XCTAssertEqual(transport.requests.first?.endpoint.host, "application-autoscaling.eu-west-1.amazonaws.com")
    }

    func testAClusterARNBecomesItsNameInTheResourceId() {
        XCTAssertEqual(ApplicationAutoScalingClient.ecsServiceResourceId(cluster: "arn:aws:ecs:eu-west-1:555555555555:cluster/app-prod", service: "api"),
                       "service/app-prod/api")
    }

    func testNoTargetIsNil() async throws {
        let transport = ScriptedTransport(responses: [AWSFixture.reply(["ScalableTargets": []])])
        let target = try await client(transport).ecsServiceTarget(cluster: "app-dev", service: "worker")
        XCTAssertNil(target)
    }

    func testPagesAreFollowedAndALoopingTokenStops() async throws {
        let transport = ScriptedTransport { _, index in
            AWSFixture.reply(["ScalableTargets": [["ResourceId": "service/c/s\(index)", "MinCapacity": index]], "NextToken": index < 2 ? "t\(index)" : "t1"])
        }
        let targets = try await client(transport).describeScalableTargets(serviceNamespace: "ecs")
        XCTAssertEqual(targets.compactMap(\.resourceId), ["service/c/s0", "service/c/s1", "service/c/s2"])
        XCTAssertEqual(try AWSFixture.canonical(transport.requests[1].body), #"{"MaxResults":50,"NextToken":"t0","ServiceNamespace":"ecs"}"#)
    }

    func testManyResourceIdsAreAskedForFiftyACall() async throws {
        let transport = ScriptedTransport(responses: [AWSFixture.reply(["ScalableTargets": []])])
        let ids = (0..<120).map { "service/c/s\($0)" }
        _ = try await client(transport).describeScalableTargets(serviceNamespace: "ecs", resourceIds: ids)
        let sizes = try transport.requests.map { try XCTUnwrap(try AWSFixture.body($0)["ResourceIds"] as? [String]).count }
        XCTAssertEqual(sizes, [50, 50, 20])
    }

    func testAReplyWithoutTheListIsAnErrorNotNoTarget() async {
        let transport = ScriptedTransport(responses: [AWSFixture.reply(["NextToken": NSNull()])])
        do {
            _ = try await client(transport).ecsServiceTarget(cluster: "app-dev", service: "frontend")
            XCTFail("a reply without ScalableTargets must not read as no target")
        } catch let error as AWSError {
            XCTAssertEqual(error.operation, "DescribeScalableTargets")
            XCTAssertEqual(error.code, "DeserializationError")
        } catch {
            XCTFail("\(error)")
        }
    }

    func testTheServiceIsFoundByItsUsualNames() {
        XCTAssertEqual(AWSServiceDescriptor.named("application-autoscaling"), .applicationAutoScaling)
        XCTAssertEqual(AWSServiceDescriptor.named("ApplicationAutoScaling"), .applicationAutoScaling)
        XCTAssertTrue(AWSServiceDescriptor.all.contains(.applicationAutoScaling))
    }
}
