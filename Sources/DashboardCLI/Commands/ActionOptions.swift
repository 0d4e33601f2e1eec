import ArgumentParser
import DashboardEngine
import DashboardModel
import Foundation

/// The flags every action command shares: confirmation, dry run, watching, read-only (one option group with the
/// root command's, so `--read-only` counts before or after the subcommand).
package struct ActionOptions: ParsableArguments {
    package init() {}

    @Flag(help: "Do not ask for confirmation (a protected target also needs --confirm-env NAME).")
    package var yes = false

    @Option(name: .customLong("confirm-env"), help: "The protected target environment's name, typed in advance for scripts.")
    package var confirmEnvironment: String?

    @Flag(help: "Show the plan and gates, change nothing.")
    package var dryRun = false

    @Flag(help: "Do not watch the deployment after starting it.")
    package var noWait = false

    @Option(help: "How long to watch the deployment (e.g. 15m, 90s).")
    package var waitTimeout: String = "15m"

    @OptionGroup package var readOnlyOption: ReadOnlyOption
    package var readOnly: Bool { readOnlyOption.readOnly }

    package func validate() throws {
        if case .failure(let problem) = Duration.parse(waitTimeout) { throw ValidationError("--wait-timeout: \(problem.message(for: waitTimeout))") }
    }

    /// Copies the shared flags onto a request; `interactive` when stdin is a terminal.
    package func apply(to request: inout ActionRequest) {
        request.yes = yes
        request.confirmEnvironment = confirmEnvironment
        request.dryRun = dryRun
        request.wait = !noWait
        request.waitTimeout = Duration.seconds(waitTimeout) ?? 900
        request.interactive = isatty(STDIN_FILENO) == 1
    }
}
