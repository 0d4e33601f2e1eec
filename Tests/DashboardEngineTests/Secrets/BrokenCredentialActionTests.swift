import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
@testable import FleetSimulator
import Foundation
import XCTest

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

        // The deploy role is assumed before anything is asked or changed, so the cut reply stops the action there.
        XCTAssertEqual(outcome.exitCode, ActionOutcome.failure, outcome.message)
        XCTAssertTrue(outcome.message.contains("cannot act in dev"), outcome.message)
        XCTAssertTrue(outcome.message.contains("DeserializationError"), outcome.message)
        XCTAssertFalse(outcome.wroteToAWS)
        let audit = try String(contentsOfFile: bench.auditPath, encoding: .utf8)
        XCTAssertTrue(audit.contains(#""result":"refused""#), audit)
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
