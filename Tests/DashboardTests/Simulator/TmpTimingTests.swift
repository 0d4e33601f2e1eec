import AWSClient
import Foundation
import XCTest
@testable import Dashboard

final class TmpTimingTests: XCTestCase {
    func testTiming() async throws {
        let harness = SimulatorHarness(services: 50, tasks: 10)
        let context = try await harness.roleContext("prod")
        let creds = try await context.credentials.credentials()
        func request(_ op: String, _ body: String) -> HTTPRequest {
            var r = HTTPRequest(method: "POST", endpoint: Endpoint(host: "ecs.eu-west-1.amazonaws.com"),
                                headers: HTTPHeaders([("X-Amz-Target", "AmazonEC2ContainerServiceV20141113." + op), ("Content-Type", "application/x-amz-json-1.1")]),
                                body: Data(body.utf8))
            SigV4Signer(credentials: creds, region: "eu-west-1", service: "ecs").sign(&r, date: harness.clock.now())
            return r
        }
        for (op, body) in [("DescribeServices", "{\"cluster\":\"app-prod\",\"services\":[\"frontend\"]}"),
                           ("DescribeServices", "{\"cluster\":\"app-prod\",\"services\":[\"frontend\",\"backend\",\"worker\",\"payments\",\"search\",\"svc-11\",\"svc-12\",\"svc-13\",\"svc-14\",\"svc-15\"]}"),
                           ("ListTasks", "{\"cluster\":\"app-prod\"}")] {
            let r = request(op, body)
            let start = Date()
            for _ in 0..<100 { _ = try await harness.fleet.transport.send(r) }
            print("TIMING \(op) per call µs", Date().timeIntervalSince(start) * 10_000)
        }
        let arns = try await ECSClient(context: context).listTasks(cluster: "app-prod").prefix(100)
        let r = request("DescribeTasks", "{\"cluster\":\"app-prod\",\"tasks\":[\(arns.map { "\"\($0)\"" }.joined(separator: ","))]}")
        let start = Date()
        for _ in 0..<20 { _ = try await harness.fleet.transport.send(r) }
        print("TIMING DescribeTasks(100) per call µs", Date().timeIntervalSince(start) * 50_000)
    }
}
