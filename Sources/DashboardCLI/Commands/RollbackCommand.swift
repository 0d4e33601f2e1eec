import ArgumentParser
import DashboardEngine
import DashboardModel
import Foundation

/// `ecsdash rollback`: put an environment back on an earlier build (ENV-previous, a chosen build, or a revision), or
/// list the builds it can go back to.
package struct RollbackCommand: AsyncParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Roll a service back to ENV-previous, a chosen build (tag or digest), or a task-definition revision.",
        discussion: "--list shows the builds the environment can go back to, the same list the dashboard's r key offers. Exit status as for promote."
    )

    @OptionGroup package var options: ConfigOptions
    @OptionGroup package var demo: DemoOptions
    @OptionGroup package var action: ActionOptions

    @Argument(help: "The service to roll back.")
    package var service: String

    @Option(help: "The environment.")
    package var env: String

    @Option(name: .customLong("to"), help: "The build to go back to: a digest (sha256:…) or a tag of the repository (build-103).")
    package var build: String?

    @Option(help: "A task-definition revision of the service's family.")
    package var revision: Int?

    @Flag(help: "List the builds the environment can go back to, and change nothing.")
    package var list = false

    @Option(help: "For --list: table or json.")
    package var output: StatusCommand.Output = .table

    @Flag(help: "Override failed gates (needs --reason; audited).")
    package var force = false

    @Option(help: "Why the gates are overridden; written to the audit log.")
    package var reason: String?

    package func validate() throws {
        if build != nil, revision != nil { throw ValidationError("--to and --revision exclude each other") }
        if list, build != nil || revision != nil { throw ValidationError("--list changes nothing: leave out --to and --revision") }
        if force, (reason ?? "").isEmpty { throw ValidationError("--force needs --reason TEXT (it is audited)") }
    }

    package func run() async throws {
        if list {
            return try await ActionCommandRunner.listRollbackChoices(service: service, environment: env, output: output, options: options, demo: demo)
        }
        let target: RollbackTarget = revision.map { .revision($0) } ?? build.map(RollbackTarget.parse) ?? .previous
        var request = ActionRequest(service: service, kind: .rollback(environment: env, target: target))
        action.apply(to: &request)
        request.force = force
        request.reason = reason
        try await ActionCommandRunner.run(request, options: options, demo: demo, readOnly: action.readOnly)
    }
}
