import AWSClient
import ArgumentParser
import DashboardEngine
import DashboardModel
import Foundation

/// `ecsdash status`: one poll of every environment, printed, then exit; how scripts and CI read the fleet.
package struct StatusCommand: AsyncParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Poll every environment once and print services × environments.",
        discussion: "Exit status: 0 when every environment answered, 1 when some failed (their errors are in the output), 2 for usage or config errors. The JSON schema is documented in docs/status-json.md."
    )

    package enum Output: String, ExpressibleByArgument, CaseIterable {
        case table
        case json
    }

    @OptionGroup package var options: ConfigOptions
    @OptionGroup package var demo: DemoOptions

    @Option(help: "table or json.")
    package var output: Output = .table

    @Option(name: .customLong("env"), help: "Only this environment (repeatable).")
    package var environments: [String] = []

    package func run() async throws {
        guard demo.isOn else { return try await report(try options.liveSetup()) }
        try await demo.withWorld { try await report($0.setup()) }
    }

    private func report(_ setup: FleetSetup) async throws {
        let unknown = environments.filter { setup.config.environment(named: $0) == nil }
        guard unknown.isEmpty else {
            throw CommandFailure(message: "unknown environment \(unknown.joined(separator: ", ")); configured: \(setup.config.environments.map(\.name).joined(separator: ", "))", exitCode: .usage)
        }
        let fleet = await setup.sources.readOnce(only: environments.isEmpty ? nil : Set(environments))
        let now = setup.clock.now()
        switch output {
        case .table: print(StatusTable.render(fleet, now: now, refresh: setup.config.refresh))
        case .json: print(StatusDocument(fleet, now: now, refresh: setup.config.refresh).json())
        }
        if fleet.environments.contains(where: { $0.error != nil }) { throw ExitCode.failure }
    }
}
