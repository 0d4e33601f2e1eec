import AWSClient
import ArgumentParser
import DashboardEngine
import DashboardModel
import Foundation

/// `ecsdash diff SERVICE --from uat --to prod`: what differs between two environments' task definitions for a
/// service, split into what a promotion changes (the image) and what stays per environment. The command-line twin
/// of the dashboard's `D`.
package struct DiffCommand: AsyncParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare a service's task definitions in two environments.",
        discussion: """
        Reads the revision the service runs in each environment (ECS DescribeServices, then DescribeTaskDefinition) \
        and lists only what differs, the image first. Secrets show as names and sources, never values; plain \
        variables that look like credentials are hidden.
        Exit status: 0 when nothing differs or only the image does (a promotion would make them the same), \
        1 when more differs, 2 for usage or config errors or when an environment could not be read. \
        The JSON schema is documented in docs/diff-json.md.
        """
    )

    @OptionGroup package var options: ConfigOptions
    @OptionGroup package var demo: DemoOptions

    @Argument(help: "The service to compare.")
    package var service: String

    @Option(help: "The environment a promotion would come from (default: the one before --to).")
    package var from: String?

    @Option(help: "The environment to compare it with.")
    package var to: String

    @Option(help: "table or json.")
    package var output: StatusCommand.Output = .table

    package func run() async throws {
        let setup = try demo.isOn ? demo.setup() : options.liveSetup()
        let (source, target) = try sides(setup)
        let reader = TaskDefinitionReader()
        let summaries: (TaskDefinitionSummary, TaskDefinitionSummary)
        do {
            async let old = reader.current(service: service, environment: source.environment, context: source.context)
            async let new = reader.current(service: service, environment: target.environment, context: target.context)
            summaries = try await (old, new)
        } catch let failure as TaskDefinitionReader.Failure {
            if output == .json { print(DiffDocument(service: service, failure: failure).json()) }
            throw CommandFailure(message: "diff \(service): \(failure.description)", exitCode: .usage)
        }
        let diff = TaskDefinitionDiff.between(summaries.0, summaries.1)
        switch output {
        case .table:
            let lines = TaskDefinitionReport.lines(diff, from: (source.environment.name, summaries.0), to: (target.environment.name, summaries.1))
            print("\(service)  " + lines.map(\.text).joined(separator: "\n"))
        case .json:
            print(DiffDocument(service: service, from: (source.environment.name, summaries.0), to: (target.environment.name, summaries.1), diff: diff).json())
        }
        if !diff.onlyImageDiffers { throw ExitCode.failure }
    }

    /// The two environments' configs and clients; the default `--from` is the environment before `--to`.
    private func sides(_ setup: FleetSetup) throws -> (Side, Side) {
        let names = setup.config.environments.map(\.name)
        guard let toIndex = names.firstIndex(of: to) else {
            throw CommandFailure(message: "unknown environment \(to); configured: \(names.joined(separator: ", "))", exitCode: .usage)
        }
        let fromName: String
        if let from {
            guard names.contains(from) else {
                throw CommandFailure(message: "unknown environment \(from); configured: \(names.joined(separator: ", "))", exitCode: .usage)
            }
            fromName = from
        } else {
            guard toIndex > 0 else {
                throw CommandFailure(message: "\(to) is the first environment: name the other side with --from", exitCode: .usage)
            }
            fromName = names[toIndex - 1]
        }
        guard fromName != to else { throw CommandFailure(message: "--from and --to are both \(to)", exitCode: .usage) }
        return (try side(fromName, setup), try side(to, setup))
    }

    /// One environment's config and read client.
    private struct Side {
        var environment: EnvironmentConfig
        var context: AWSClientContext
    }

    private func side(_ name: String, _ setup: FleetSetup) throws -> Side {
        guard let fetcher = setup.sources.environments.first(where: { $0.environment.name == name }) else {
            throw CommandFailure(message: "unknown environment \(name)", exitCode: .usage)
        }
        return Side(environment: fetcher.environment, context: fetcher.context)
    }
}
