import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
@testable import FleetSimulator
import Foundation
import TestSupport
import XCTest

/// A dispatcher over the simulated fleet on a manual clock, with an audit log in a temp dir and collected progress.
struct ActionTestBench {
    let harness = SimulatorHarness()
    let auditPath: String
    let dispatcher: ActionDispatcher
    let lines = LineCollector()

    /// - Parameter transport: stands between the clients and the simulator (to break some of its replies).
    /// - Parameter configure: changes the demo config (a soak time, a read-only environment).
    init(readOnly: Bool = false, transport: ((SimulatedFleet) -> any HTTPTransport)? = nil, configure: (inout DashboardConfig) -> Void = { _ in }) {
        let directory = Scratch.directory("actions")
        auditPath = directory.appendingPathComponent("audit.jsonl").path
        var config = DemoFleet.config()
        configure(&config)
        let setup = FleetSetup.demo(simulator: harness.fleet, config: config, clock: harness.clock, transport: transport?(harness.fleet))
        dispatcher = ActionDispatcher(access: ActionAccess(setup: setup), audit: AuditLog(path: auditPath), readOnly: readOnly)
    }

    /// Runs the request while stepping the clock, so the watch loop's sleeps return; the answer is typed when asked.
    func run(_ request: ActionRequest, answer: String? = nil) async -> ActionOutcome {
        await run(request, answers: [answer])
    }

    /// Runs the request answering each question with the next of `answers` (the last one repeats); `prompts` holds
    /// every question asked.
    func run(_ request: ActionRequest, answers: [String?], prompts: LineCollector = LineCollector()) async -> ActionOutcome {
        let done = LineCollector()
        let dispatcher = self.dispatcher
        let lines = self.lines
        let task = Task {
            let outcome = await dispatcher.run(request, confirm: { prompt in
                prompts.add(prompt)
                return answers[min(prompts.all.count, answers.count) - 1]
            }, progress: { lines.add($0.text) })
            done.add("done")
            return outcome
        }
        var steps = 0
        while done.all.isEmpty, steps < 2000 {
            await harness.clock.waitForSleepers(1, timeout: 0.05)
            if done.all.isEmpty { harness.advance(5) }
            steps += 1
        }
        return await task.value
    }

    func tagDigest(_ repository: String, _ tag: String) async throws -> String? {
        let result = try await harness.ecr().batchGetImage(repositoryName: repository, imageIds: [ECRImageIdentifier(imageTag: tag)])
        return result.images.first?.imageId?.imageDigest
    }

    func auditRecords() throws -> [AuditRecord] {
        try AuditLog(path: auditPath).records()
    }

    static func promote(_ service: String, from: String = "uat", to: String = "prod", wait: Bool = true) -> ActionRequest {
        var request = ActionRequest(service: service, kind: .promote(from: from, to: to))
        request.yes = true
        request.confirmEnvironment = to
        request.wait = wait
        return request
    }
}

/// Thread-safe line sink for progress callbacks.
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
    var text: String { all.joined(separator: "\n") }
}
