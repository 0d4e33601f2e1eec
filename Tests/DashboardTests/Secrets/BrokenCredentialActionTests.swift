import AWSClient
import Foundation
import XCTest
@testable import Dashboard

/// An action whose deploy role's AssumeRole reply arrives cut short: the step fails, naming the step, the operation
/// and the error code, and neither the outcome, the progress lines nor the audit log hold the keys of that reply.
final class BrokenCredentialActionTests: XCTestCase {
    func testACutDeployRoleReplyLeavesNoKeyInTheOutcomeOrTheAuditLog() async throws {
        let cutter = DeployRoleReplyCutter()
        let bench = ActionTestBench(transport: { fleet in cutter.wrapping(fleet.transport) })
        var restart = ActionRequest(service: "frontend", kind: .restart(environment: "dev"))
        restart.yes = true
        restart.wait = false
        restart.reason = "redeploy after a bad cut"
        let outcome = await bench.run(restart)

        XCTAssertEqual(outcome.exitCode, ActionOutcome.failure, outcome.message)
        XCTAssertTrue(outcome.message.contains("restart failed at step 1/1"), outcome.message)
        XCTAssertTrue(outcome.message.contains("DeserializationError"), outcome.message)
        let audit = try String(contentsOfFile: bench.auditPath, encoding: .utf8)
        XCTAssertTrue(audit.contains(#""result":"failed""#), audit)
        XCTAssertTrue(audit.contains(#""error":"DeserializationError""#), audit)
        let seen = cutter.seen
        XCTAssertFalse(seen.isEmpty, "no deploy-role reply was cut")
        for keys in seen {
            for (name, text) in [("outcome", outcome.message), ("progress", bench.lines.all.joined(separator: "\n")), ("audit log", audit)] {
                keys.assertNoLeak(in: text, name)
            }
        }
    }
}

/// Passes every request to the simulator, but cuts its answers to the deploy role's AssumeRole in half, after
/// noting the keys they held.
final class DeployRoleReplyCutter: @unchecked Sendable {
    private let lock = NSLock()
    private var keys: [LeakSamples] = []

    var seen: [LeakSamples] { lock.withLock { keys } }

    func wrapping(_ inner: any HTTPTransport) -> any HTTPTransport {
        Cutting(inner: inner, cutter: self)
    }

    fileprivate func note(_ reply: String) {
        func element(_ name: String) -> String {
            guard let start = reply.range(of: "<\(name)>"), let end = reply.range(of: "</\(name)>", range: start.upperBound..<reply.endIndex) else { return "" }
            return String(reply[start.upperBound..<end.lowerBound])
        }
        let samples = LeakSamples(accessKeyId: element("AccessKeyId"), secretAccessKey: element("SecretAccessKey"), sessionToken: element("SessionToken"))
        lock.withLock { keys.append(samples) }
    }

    private struct Cutting: HTTPTransport {
        let inner: any HTTPTransport
        let cutter: DeployRoleReplyCutter

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            var response = try await inner.send(request)
            let form = CredentialTestServer.form(request)
            guard form["Action"] == "AssumeRole", form["RoleArn"]?.hasSuffix("role/\(SimulatedFleet.deployRoleName)") == true, response.isSuccess else {
                return response
            }
            cutter.note(String(decoding: response.body, as: UTF8.self))
            response.body = response.body.prefix(response.body.count / 2)
            return response
        }
    }
}
