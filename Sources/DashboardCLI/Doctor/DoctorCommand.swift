import ArgumentParser
import DashboardEngine
import DashboardModel

/// `ecsdash doctor`: can ecsdash reach every configured account, and with which permissions?
package struct DoctorCommand: AsyncParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check credentials, roles and the permissions ecsdash needs in every configured account.",
        discussion: "Exit status: 0 when every check passes, 1 when any fails, 2 for config errors."
    )

    @OptionGroup package var options: ConfigOptions

    @Option(name: .customLong("env"), help: "Check only this environment (repeatable); the registry is always checked.")
    package var environments: [String] = []

    @Flag(help: "Also check that the deploy roles (deploy_role_arn) can be assumed.")
    package var actions = false

    @OptionGroup package var demo: DemoOptions

    package func run() async throws {
        guard demo.isOn else { return try await check(try options.load(), fleet: { try options.fleetAccess($0) }) }
        try await demo.withWorld { world in
            // The same checks, signed and sent as for AWS, answered by the simulator: said up front, so a green
            // report is not mistaken for one about a real account.
            print("demo fleet: the checks run against the embedded simulator (world in \(world.store.path)), not AWS\n")
            try await check(DemoFleet.config(), fleet: { config in
                do {
                    return try world.fleetAccess(config)
                } catch {
                    throw CommandFailure(message: "\(error)", exitCode: .usage)
                }
            })
        }
    }

    private func check(_ config: DashboardConfig, fleet makeFleet: (DashboardConfig) throws -> FleetAccess) async throws {
        let unknown = environments.filter { config.environment(named: $0) == nil }
        guard unknown.isEmpty else {
            throw CommandFailure(message: "unknown environment \(unknown.joined(separator: ", ")); configured: \(config.environments.map(\.name).joined(separator: ", "))", exitCode: .usage)
        }
        let fleet = try makeFleet(config)
        var targets: [DoctorTarget] = []
        if let registry = config.registry { targets.append(.registry(registry, pipelines: config.pipelines)) }
        for environment in config.environments where environments.isEmpty || environments.contains(environment.name) {
            targets.append(.environment(environment))
        }
        let checks = await Doctor(fleet: fleet, includeActions: actions).run(targets)
        print(DoctorReport.render(checks))
        if checks.contains(where: { $0.outcome == .failed }) { throw ExitCode.failure }
    }
}
