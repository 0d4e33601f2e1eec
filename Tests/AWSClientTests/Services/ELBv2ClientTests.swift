@testable import AWSClient
import Foundation
import XCTest

/// ELBv2Client against recorded query-protocol exchanges: form bodies, XML replies, Marker paging.
final class ELBv2ClientTests: XCTestCase {
    private func client(_ transport: ScriptedTransport) -> ELBv2Client {
        ELBv2Client(context: AWSFixture.context(transport))
    }

    private let targetGroup = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/frontend/73e2d6bc24d8a067"

    func testDescribeTargetGroupsByArn() async throws {
        let fixture = try AWSFixture("elbv2/DescribeTargetGroups")
        let transport = ScriptedTransport(responses: [fixture.response])
        let groups = try await client(transport).describeTargetGroups(targetGroupArns: [targetGroup])
        try fixture.assertMatches(transport.requests.first)
        XCTAssertEqual(transport.requests.first?.headers["Content-Type"], "application/x-www-form-urlencoded; charset=utf-8")
        XCTAssertEqual(groups, [ELBv2TargetGroup(
            targetGroupArn: targetGroup, targetGroupName: "frontend", protocol: "HTTP", port: 8080, vpcId: "vpc-3ac0fb5f", targetType: "ip",
            healthCheckProtocol: "HTTP", healthCheckPort: "traffic-port", healthCheckPath: "/health", healthyThresholdCount: 5,
            unhealthyThresholdCount: 2,
            loadBalancerArns: ["arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/app-dev/50dc6c495c0c9188"])])
    }

    func testDescribeTargetGroupsFollowsMarkersAndSendsListsAsMembers() async throws {
        let page = { (name: String, marker: String?) in
            ScriptedTransport.json(200, """
                <DescribeTargetGroupsResponse><DescribeTargetGroupsResult><TargetGroups><member><TargetGroupName>\(name)</TargetGroupName></member>\
                </TargetGroups>\(marker.map { "<NextMarker>\($0)</NextMarker>" } ?? "")</DescribeTargetGroupsResult></DescribeTargetGroupsResponse>
                """)
        }
        let transport = ScriptedTransport(responses: [page("a", "m1"), page("b", "m2"), page("c", nil)])
        let groups = try await client(transport).describeTargetGroups(loadBalancerArn: "lb", names: ["a", "b"])
        XCTAssertEqual(groups.compactMap(\.targetGroupName), ["a", "b", "c"])
        XCTAssertEqual(transport.requests.map { String(decoding: $0.body, as: UTF8.self) }, [
            "Action=DescribeTargetGroups&Version=2015-12-01&Names.member.1=a&Names.member.2=b&LoadBalancerArn=lb&PageSize=400",
            "Action=DescribeTargetGroups&Version=2015-12-01&Names.member.1=a&Names.member.2=b&LoadBalancerArn=lb&PageSize=400&Marker=m1",
            "Action=DescribeTargetGroups&Version=2015-12-01&Names.member.1=a&Names.member.2=b&LoadBalancerArn=lb&PageSize=400&Marker=m2",
        ])
    }

    func testNoTargetGroupsIsAnEmptyList() async throws {
        let transport = ScriptedTransport(responses: [ScriptedTransport.json(200, """
            <DescribeTargetGroupsResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
              <DescribeTargetGroupsResult><TargetGroups/></DescribeTargetGroupsResult>
              <ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>
            </DescribeTargetGroupsResponse>
            """)])
        let groups = try await client(transport).describeTargetGroups()
        XCTAssertEqual(groups, [])
    }

    func testDescribeTargetHealth() async throws {
        let fixture = try AWSFixture("elbv2/DescribeTargetHealth")
        let transport = ScriptedTransport(responses: [fixture.response])
        let health = try await client(transport).describeTargetHealth(targetGroupArn: targetGroup)
        try fixture.assertMatches(transport.requests.first)
        XCTAssertEqual(health, [
            ELBv2TargetHealthDescription(targetId: "10.0.1.23", targetPort: 8080, availabilityZone: "eu-west-1a", healthCheckPort: "8080",
                                         state: "healthy"),
            ELBv2TargetHealthDescription(targetId: "10.0.2.42", targetPort: 8080, availabilityZone: "eu-west-1b", healthCheckPort: "8080",
                                         state: "unhealthy", reason: "Target.ResponseCodeMismatch",
                                         description: "Health checks failed with these codes: [502]"),
        ])
    }

    func testQueryErrorsAreTyped() async {
        let transport = ScriptedTransport(responses: [ScriptedTransport.json(400, """
            <ErrorResponse><Error><Type>Sender</Type><Code>TargetGroupNotFound</Code><Message>One or more target groups not found</Message></Error>\
            <RequestId>x</RequestId></ErrorResponse>
            """)])
        await XCTAssertThrowsAWSError(try await client(transport).describeTargetHealth(targetGroupArn: "nope"), code: "TargetGroupNotFound")
    }
}
