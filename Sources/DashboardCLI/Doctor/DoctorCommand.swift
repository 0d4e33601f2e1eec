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

    package func run() async throws {
        let config = try options.load()
        let unknown = environments.filter { config.environment(named: $0) == nil }
        guard unknown.isEmpty else {
            throw CommandFailure(message: "unknown environment \(unknown.joined(separator: ", ")); configured: \(config.environments.map(\.name).joined(separator: ", "))", exitCode: .usage)
        }
        let fleet = try options.fleetAccess(config)
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
