import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
@testable import FleetSimulator
import Foundation
import TestSupport
import XCTest

/// The dashboard's own choke points scrub whatever error reaches them, not only AWSClient's errors, which
/// arrive scrubbed already.
final class ScrubbedRenderingTests: XCTestCase {
    private let secrets = LeakSamples(seed: 201)

    /// An error type of someone else's whose description quotes a reply.
    private struct Chatty: Error, CustomStringConvertible {
        var description: String
    }

    func testAnyErrorBecomesAScrubbedFetchErrorReportAndStepFailure() {
        let error = Chatty(description: "proxy said: <SecretAccessKey>\(secrets.secretAccessKey)</SecretAccessKey> \(secrets.accessKeyId) \(secrets.sessionToken)")
        let fetch = SnapshotMapper.fetchError(error, operation: "poll dev", at: Date(timeIntervalSince1970: 0))
        XCTAssertEqual(fetch.operation, "poll dev")
        XCTAssertEqual(fetch.code, "Error")
        XCTAssertTrue(fetch.message.hasPrefix("proxy said: <SecretAccessKey>[redacted]</SecretAccessKey> [redacted]"), fetch.message)
        let call = PlannedCall.updateService(environment: "dev", cluster: "app-dev", service: "web", taskDefinition: nil)
        for text in [fetch.description, ErrorReport.describe(error),
                     StepFailureReport.message(action: "restart", index: 1, total: 1, call: call, error: error, roleArn: nil, done: []),
                     StepFailureReport.headline(error)] {
            secrets.assertNoLeak(in: text, text)
        }
    }

    func testAuditLinesAreScrubbedFieldByFieldAndStayJSON() throws {
        let directory = Scratch.directory("audit")
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let log = AuditLog(path: directory.appendingPathComponent("audit.jsonl").path)
        let record = AuditRecord(
            time: "2026-01-01T00:00:00.000Z", identity: "arn:aws:sts::1:assumed-role/Deployer/ecsdash", action: "restart", service: "web",
            environment: "dev", from: nil, to: nil, step: "ECS UpdateService app-dev/web", oldDigest: nil, newDigest: nil,
            gates: [GateResult(name: "healthy", passed: false, reason: "token=\(secrets.sessionToken)")],
            overrides: ["forced with AWS_SECRET_ACCESS_KEY=\(secrets.secretAccessKey)"], reason: "pasted by mistake:\n\(secrets.sessionToken)",
            result: "failed", error: "rollout failed: \(secrets.accessKeyId)", requestIds: ["c6104cbe-af31-11e0-8154-cbc7ccf896c7"])
        try log.append(record)
        let text = try String(contentsOf: directory.appendingPathComponent("audit.jsonl"), encoding: .utf8)
        secrets.assertNoLeak(in: text, "audit line")
        let read = try XCTUnwrap(log.records().first, "the scrubbed line must still parse")
        XCTAssertEqual(read.identity, record.identity)
        XCTAssertEqual(read.step, record.step)
        XCTAssertEqual(read.requestIds, record.requestIds)
        XCTAssertEqual(read.reason, "pasted by mistake:\n[redacted]")
        XCTAssertEqual(read.error, "rollout failed: [redacted]")
    }
}
