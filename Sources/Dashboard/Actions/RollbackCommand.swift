import ArgumentParser

/// `ecsdash rollback`: put an environment back on its previous image (or a chosen digest or revision).
struct RollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Roll a service back to ENV-previous, a digest, or a task-definition revision.",
        discussion: "Exit status as for promote."
    )

    @OptionGroup var options: ConfigOptions
    @OptionGroup var demo: DemoOptions
    @OptionGroup var action: ActionOptions

    @Argument(help: "The service to roll back.")
    var service: String

    @Option(help: "The environment.")
    var env: String

    @Option(name: .customLong("to"), help: "An image digest in the repository (sha256:…).")
    var digest: String?

    @Option(help: "A task-definition revision of the service's family.")
    var revision: Int?

    func validate() throws {
        if digest != nil, revision != nil { throw ValidationError("--to and --revision exclude each other") }
    }

    func run() async throws {
        let target: RollbackTarget = revision.map { .revision($0) } ?? digest.map { .digest($0) } ?? .previous
        var request = ActionRequest(service: service, kind: .rollback(environment: env, target: target))
        action.apply(to: &request)
        try await ActionCommandRunner.run(request, options: options, demo: demo, actionOptions: action)
    }
}
