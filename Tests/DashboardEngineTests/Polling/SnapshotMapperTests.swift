import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
@testable import FleetSimulator
import Foundation
import XCTest

/// The wire-to-snapshot mapping of tasks and the ARN helpers it runs for every task of every poll.
final class SnapshotMapperTests: XCTestCase {
    func testLastComponentOfAnARN() {
        XCTAssertEqual(SnapshotMapper.lastComponent(of: "arn:aws:ecs:eu-west-1:123456789012:task/app-dev/0123abcd"), "0123abcd")
        XCTAssertEqual(SnapshotMapper.lastComponent(of: "no-slash"), "no-slash")
        XCTAssertEqual(SnapshotMapper.lastComponent(of: "ends/"), "ends/")
        XCTAssertEqual(SnapshotMapper.lastComponent(of: ""), "")
    }

    func testRevisionOfATaskDefinitionARN() {
        XCTAssertEqual(SnapshotMapper.revision(of: "arn:aws:ecs:eu-west-1:123456789012:task-definition/dev-frontend:42"), 42)
        XCTAssertEqual(SnapshotMapper.revision(of: "dev-frontend:7"), 7)
        XCTAssertNil(SnapshotMapper.revision(of: "dev-frontend"))
        XCTAssertNil(SnapshotMapper.revision(of: "dev-frontend:"))
        XCTAssertNil(SnapshotMapper.revision(of: "dev-frontend:x1"))
    }

    func testTaskKeepsWhatThePanesShow() throws {
        let json = #"""
        {"taskArn":"arn:aws:ecs:eu-west-1:123456789012:task/app-dev/abc","group":"service:frontend","lastStatus":"STOPPED",
         "desiredStatus":"STOPPED","healthStatus":"UNHEALTHY","stoppedReason":"Essential container in task exited","stopCode":"",
         "taskDefinitionArn":"arn:aws:ecs:eu-west-1:123456789012:task-definition/dev-frontend:9","availabilityZone":"eu-west-1b",
         "attachments":[{"details":[{"name":"subnetId","value":"subnet-1"},{"name":"privateIPv4Address","value":"10.0.2.7"}]}],
         "containers":[{"name":"web","image":"repo:dev","imageDigest":"sha256:aa","lastStatus":"STOPPED","exitCode":137,"reason":"OutOfMemoryError"}]}
        """#
        let polled = try AWSJSON.decode(PolledTask.self, from: Data(json.utf8), unit: .seconds)
        XCTAssertEqual(polled.group, "service:frontend")
        let task = polled.snapshot
        XCTAssertEqual(task.id, "abc")
        XCTAssertEqual(task.revision, 9)
        XCTAssertEqual(task.privateIP, "10.0.2.7")
        XCTAssertEqual(task.health, "UNHEALTHY")
        XCTAssertNil(task.stopCode, "an empty stop code is no stop code")
        XCTAssertEqual(task.containers.first?.exitCode, 137)
        XCTAssertEqual(task.containers.first?.reason, "OutOfMemoryError")
        XCTAssertEqual(task.imageDigest, "sha256:aa")
    }
}
