import ArgumentParser
import DashboardEngine
import DashboardModel

/// `ecsdash restart`: a forced new deployment of the same image.
package struct RestartCommand: AsyncParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "restart",
        abstract: "Force a new deployment of a service (same image, new tasks).",
        discussion: "Exit status as for promote."
    )

    @OptionGroup package var options: ConfigOptions
    @OptionGroup package var demo: DemoOptions
    @OptionGroup package var action: ActionOptions

    @Argument(help: "The service to restart.")
    package var service: String

    @Option(help: "The environment.")
    package var env: String

    package func run() async throws {
        var request = ActionRequest(service: service, kind: .restart(environment: env))
        action.apply(to: &request)
        try await ActionCommandRunner.run(request, options: options, demo: demo, readOnly: action.readOnly)
    }
}
