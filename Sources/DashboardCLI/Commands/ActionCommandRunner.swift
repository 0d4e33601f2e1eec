import AWSClient
import ArgumentParser
import DashboardEngine
import DashboardModel
import FleetSimulator
import Foundation

/// Runs an action from the command line: builds the dispatcher, prints progress lines, asks on the terminal, maps the exit code.
package enum ActionCommandRunner {
    package static func run(_ request: ActionRequest, options: ConfigOptions, demo: DemoOptions, readOnly: Bool) async throws {
        guard demo.isOn else { return try await run(request, setup: try options.liveSetup(), readOnly: readOnly) }
        try await demo.withWorld { try await run(request, setup: $0.setup(), readOnly: readOnly) }
    }

    private static func run(_ request: ActionRequest, setup: FleetSetup, readOnly: Bool) async throws {
        let dispatcher = dispatcher(setup: setup, readOnly: readOnly)
        let outcome = await dispatcher.run(request, confirm: askOnTerminal, progress: { FileHandle.standardOutput.write(Data(($0.text + "\n").utf8)) })
        guard outcome.exitCode == ActionOutcome.success else {
            throw CommandFailure(message: outcome.message, exitCode: ExitCode(outcome.exitCode))
        }
        print(outcome.message)
    }

    /// `rollback --list`: the builds the environment can go back to, as the dashboard's chooser shows them.
    package static func listRollbackChoices(service: String, environment: String, output: StatusCommand.Output, options: ConfigOptions,
                                    demo: DemoOptions) async throws {
        guard demo.isOn else {
            return try await listRollbackChoices(service: service, environment: environment, output: output, setup: try options.liveSetup())
        }
        try await demo.withWorld { try await listRollbackChoices(service: service, environment: environment, output: output, setup: $0.setup()) }
    }

    private static func listRollbackChoices(service: String, environment: String, output: StatusCommand.Output, setup: FleetSetup) async throws {
        let dispatcher = dispatcher(setup: setup, readOnly: false)
        let (current, choices): (RollbackChoice?, [RollbackChoice])
        do {
            (current, choices) = try await dispatcher.rollbackChoices(service: service, environment: environment)
        } catch let error as ActionError {
            throw CommandFailure(message: error.message, exitCode: ExitCode(error.exitCode))
        }
        switch output {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            encoder.keyEncodingStrategy = .convertToSnakeCase
            struct Listing: Encodable { var current: RollbackChoice?; var choices: [RollbackChoice] }
            print(String(decoding: try encoder.encode(Listing(current: current, choices: choices)), as: UTF8.self))
        case .table:
            let now = Date()
            if let current { print("\(environment) runs \(current.described(now: now))") }
            if choices.isEmpty { print("no other build of this repository to go back to") }
            for (index, choice) in choices.enumerated() {
                print("\(index + 1). \(choice.described(now: now)) — \(choice.notes.joined(separator: "; "))")
                print("   ecsdash rollback \(service) --env \(environment) --to \(choice.buildTags.first ?? choice.digest)")
            }
        }
    }

    private static func dispatcher(setup: FleetSetup, readOnly: Bool) -> ActionDispatcher {
        let path = AuditLog.path(configured: setup.config.auditLog, environment: ProcessInfo.processInfo.environment)
        return ActionDispatcher(access: ActionAccess(setup: setup), audit: AuditLog(path: path), readOnly: readOnly)
    }

    /// The environment's rule for route defaults, as a usage error.
    package static func route(from: String?, to: String?, options: ConfigOptions, demo: DemoOptions) throws -> (from: String, to: String) {
        let order = try (demo.isOn ? DemoFleet.config() : options.load()).environments.map(\.name)
        switch ActionRoute.resolve(from: from, to: to, order: order) {
        case .success(let route): return route
        case .failure(let error): throw CommandFailure(message: error.message, exitCode: .usage)
        }
    }

    @Sendable
    package static func askOnTerminal(_ prompt: String) async -> String? {
        // Straight to the file handle: print() buffers, and the prompt must show before readLine waits.
        FileHandle.standardOutput.write(Data(prompt.utf8))
        return readLine()
    }
}
