import ArgumentParser

/// `ecsdash restart`: a forced new deployment of the same image.
struct RestartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restart",
        abstract: "Force a new deployment of a service (same image, new tasks).",
        discussion: "Exit status as for promote."
    )

    @OptionGroup var options: ConfigOptions
    @OptionGroup var demo: DemoOptions
    @OptionGroup var action: ActionOptions

    @Argument(help: "The service to restart.")
    var service: String

    @Option(help: "The environment.")
    var env: String

    func run() async throws {
        var request = ActionRequest(service: service, kind: .restart(environment: env))
        action.apply(to: &request)
        try await ActionCommandRunner.run(request, options: options, demo: demo, readOnly: action.readOnly)
    }
}
