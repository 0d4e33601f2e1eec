import AWSClient
import ArgumentParser
import Foundation

/// Runs an action from the command line: builds the dispatcher, prints progress lines, asks on the terminal, maps the exit code.
enum ActionCommandRunner {
    static func run(_ request: ActionRequest, options: ConfigOptions, demo: DemoOptions, actionOptions: ActionOptions) async throws {
        let setup = try demo.isOn ? demo.setup() : FleetSetup.live(options)
        let path = AuditLog.path(configured: setup.config.auditLog, environment: ProcessInfo.processInfo.environment)
        let dispatcher = ActionDispatcher(access: ActionAccess(setup: setup), audit: AuditLog(path: path), readOnly: actionOptions.readOnly)
        let outcome = await dispatcher.run(request, confirm: askOnTerminal, progress: { FileHandle.standardOutput.write(Data(($0.text + "\n").utf8)) })
        guard outcome.exitCode == ActionOutcome.success else {
            throw CommandFailure(message: outcome.message, exitCode: ExitCode(outcome.exitCode))
        }
        print(outcome.message)
    }

    /// The environment's rule for route defaults, as a usage error.
    static func route(from: String?, to: String?, options: ConfigOptions, demo: DemoOptions) throws -> (from: String, to: String) {
        let order = try (demo.isOn ? SimulatedFleet.demoConfig(servicesPerEnvironment: demo.demoServices) : options.load()).environments.map(\.name)
        switch ActionRoute.resolve(from: from, to: to, order: order) {
        case .success(let route): return route
        case .failure(let error): throw CommandFailure(message: error.message, exitCode: .usage)
        }
    }

    @Sendable
    static func askOnTerminal(_ prompt: String) async -> String? {
        // Straight to the file handle: print() buffers, and the prompt must show before readLine waits.
        FileHandle.standardOutput.write(Data(prompt.utf8))
        return readLine()
    }
}
