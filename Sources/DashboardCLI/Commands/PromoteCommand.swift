import ArgumentParser
import DashboardEngine
import DashboardModel

/// `ecsdash promote`: move an environment's image tag to the next environment and redeploy there.
package struct PromoteCommand: AsyncParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "Promote a service's image from one environment to the next.",
        discussion: "Exit status: 0 done (or already promoted), 1 refused or failed, 2 usage or not confirmed, 3 a gate failed, 4 the deployment failed, was rolled back or timed out, 5 refused by read-only mode (--read-only, read_only: true)."
    )

    @OptionGroup package var options: ConfigOptions
    @OptionGroup package var demo: DemoOptions
    @OptionGroup package var action: ActionOptions

    @Argument(help: "The service to promote.")
    package var service: String

    @Option(help: "Source environment (default: the one before --to).")
    package var from: String?

    @Option(help: "Target environment (default: the one after --from).")
    package var to: String?

    @Flag(help: "Override failed gates (needs --reason; audited).")
    package var force = false

    @Option(help: "Why the gates are overridden; written to the audit log.")
    package var reason: String?

    package func validate() throws {
        if force, (reason ?? "").isEmpty { throw ValidationError("--force needs --reason TEXT (it is audited)") }
    }

    package func run() async throws {
        let route = try ActionCommandRunner.route(from: from, to: to, options: options, demo: demo)
        var request = ActionRequest(service: service, kind: .promote(from: route.from, to: route.to))
        action.apply(to: &request)
        request.force = force
        request.reason = reason
        try await ActionCommandRunner.run(request, options: options, demo: demo, readOnly: action.readOnly)
    }
}
