import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
import Foundation
import TestSupport
import XCTest

final class ActionRunnerTests: XCTestCase {
    /// Records which environments were said to be busy, in order.
    private final class BusyLog: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String] = []
        func add(_ environment: String, _ running: Bool) { lock.withLock { entries.append("\(environment) \(running)") } }
        var all: [String] { lock.withLock { entries } }
    }

    func testAnActionIsReportedAndItsEnvironmentBusyForExactlyItsRun() async {
        let harness = SimulatorHarness()
        let setup = FleetSetup.demo(simulator: harness.fleet, config: DemoFleet.config(), clock: harness.clock)
        let audit = AuditLog(path: Scratch.file("runner.jsonl").path)
        let inbox = EventInbox()
        let busy = BusyLog()
        // Read-only: the dispatcher refuses before any AWS call, which is all this test needs of it.
        let runner = ActionRunner(dispatcher: ActionDispatcher(access: ActionAccess(setup: setup), audit: audit, readOnly: true),
                                  broker: ConfirmationBroker(post: { inbox.post($0) }), post: { inbox.post($0) },
                                  busy: { busy.add($0, $1) })
        await runner.run(ActionRequest(service: "frontend", kind: .promote(from: "uat", to: "prod")))
        XCTAssertEqual(busy.all, ["prod true", "prod false"], "the target environment, not the source")
        let events = inbox.drain()
        guard case .actionStarted(let key, _)? = events.first, case .actionFinished(let finished, let outcome)? = events.last else {
            return XCTFail("\(events)")
        }
        XCTAssertEqual(key, "prod/frontend")
        XCTAssertEqual(finished, key)
        XCTAssertEqual(outcome.exitCode, ActionOutcome.readOnly)
    }
}
