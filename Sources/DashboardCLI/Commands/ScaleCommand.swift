import ArgumentParser
import DashboardEngine
import DashboardModel

/// `ecsdash scale`: set a service's desired task count, within its Application Auto Scaling bounds, and watch it get there.
package struct ScaleCommand: AsyncParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "scale",
        abstract: "Set a service's desired task count and watch until that many run.",
        discussion: """
        The plan shows the count now and after, and the bounds of the service's Application Auto Scaling target (which \
        may change a manual count back). A count outside them is refused unless --force --reason TEXT. In the dashboard: \
        `s` on a cell, or `:scale N`. Exit status: 0 done (or nothing to do), 1 refused or failed, 2 usage or not \
        confirmed, 3 outside the auto scaling bounds, 4 not at the count in time (or its desired count was changed away).
        """
    )

    @OptionGroup package var options: ConfigOptions
    @OptionGroup package var demo: DemoOptions
    @OptionGroup package var action: ActionOptions

    @Argument(help: "The service to scale.")
    package var service: String

    @Option(help: "The environment.")
    package var env: String

    @Option(help: "The desired task count (0 to 10000).")
    package var count: Int

    @Flag(help: "Scale outside the auto scaling bounds (needs --reason; audited).")
    package var force = false

    @Option(help: "Why the bounds are overridden; written to the audit log.")
    package var reason: String?

    package func validate() throws {
        guard ScalePlan.counts.contains(count) else {
            throw ValidationError("--count must be between \(ScalePlan.counts.lowerBound) and \(ScalePlan.counts.upperBound); got \(count)")
        }
        if force, (reason ?? "").isEmpty { throw ValidationError("--force needs --reason TEXT (it is audited)") }
    }

    package func run() async throws {
        var request = ActionRequest(service: service, kind: .scale(environment: env, count: count))
        action.apply(to: &request)
        request.force = force
        request.reason = reason
        try await ActionCommandRunner.run(request, options: options, demo: demo, readOnly: action.readOnly)
    }
}
