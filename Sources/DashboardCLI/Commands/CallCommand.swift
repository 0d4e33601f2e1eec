import AWSClient
import ArgumentParser
import DashboardEngine
import DashboardModel
import Foundation

/// `ecsdash call`: one signed AWS call through ecsdash's own credentials, retries and endpoints,
/// for debugging permissions and response shapes.
package struct CallCommand: AsyncParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Make one AWS API call as ecsdash would and print the JSON reply.",
        discussion: """
        SERVICE is ecs, ecr, logs, codepipeline, sts, elbv2 or application-autoscaling. With --env or --registry the call is made with that \
        account's read role from the config (--deploy: its deploy role); otherwise with the base credentials.
        Examples:
          ecsdash call ecs DescribeServices --env prod --input '{"cluster":"app-prod","services":["frontend"]}'
          ecsdash call sts GetCallerIdentity --profile ops
          ecsdash call ecr DescribeImages --registry --input @query.json
        """
    )

    @Argument(help: "The service: ecs, ecr, logs, codepipeline, sts, elbv2, application-autoscaling.")
    package var service: String

    @Argument(help: "The API operation, as in the AWS API reference (DescribeServices, ListTasks, …).")
    package var operation: String

    @Option(name: .customLong("env"), help: "Call as this environment's role (from the config).")
    package var environment: String?

    @Flag(help: "Call as the registry account's role (from the config).")
    package var registry = false

    @Flag(help: "Use the deploy role instead of the read role.")
    package var deploy = false

    @Option(help: "The request as JSON, or @FILE to read it from a file.")
    package var input: String = "{}"

    @OptionGroup package var options: ConfigOptions
    @OptionGroup package var demo: DemoOptions

    package func validate() throws {
        if environment != nil && registry { throw ValidationError("give --env or --registry, not both") }
        if deploy && environment == nil && !registry { throw ValidationError("--deploy needs --env or --registry") }
    }

    package func run() async throws {
        guard demo.isOn else { return try await call(in: nil) }
        try await demo.withWorld { try await call(in: $0) }
    }

    /// Makes the call on AWS, or with `world` on the demo fleet: same signing and roles, the simulator answering.
    private func call(in world: DemoWorld?) async throws {
        guard let descriptor = AWSServiceDescriptor.named(service) else {
            throw CommandFailure(message: "unknown service `\(service)`; use one of ecs, ecr, logs, codepipeline, sts, elbv2, application-autoscaling", exitCode: .usage)
        }
        let body = try requestBody()
        let context = try makeContext(world)
        do {
            let reply: Data
            switch descriptor.wireProtocol {
            case .json:
                reply = try await AWSServiceClient(service: descriptor, context: context).jsonRaw(operation, body: body)
            case .query:
                let xml = try await AWSServiceClient(service: descriptor, context: context).query(operation, try QueryParameters.flatten(json: body))
                reply = try JSONSerialization.data(withJSONObject: QueryParameters.jsonObject(from: xml))
            }
            print(try PrettyJSON.text(reply))
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw CommandFailure(message: ErrorReport.describe(error, action: "\(descriptor.signingName):\(operation)"), exitCode: .failure)
        }
    }

    /// The request: `--input` itself, or the file it names after `@`, read as other user-named files are, so a
    /// pipe (`@<(vault read …)`) works and a bad byte is located.
    package func requestBody() throws -> Data {
        var data = Data(input.utf8)
        if input.hasPrefix("@") {
            do {
                data = Data(try UserFile.read(String(input.dropFirst())).utf8)
            } catch {
                throw CommandFailure(message: "cannot read --input file \(error)", exitCode: .usage)
            }
        }
        guard (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else {
            throw CommandFailure(message: "--input must be a JSON object, like '{\"cluster\":\"app-dev\"}'", exitCode: .usage)
        }
        return data
    }

    private func makeContext(_ world: DemoWorld?) throws -> AWSClientContext {
        guard environment != nil || registry else {
            do {
                return try world?.access().baseContext() ?? options.aws.access().baseContext()
            } catch {
                throw CommandFailure(message: "\(error)", exitCode: .usage)
            }
        }
        let config = try world.map { _ in DemoFleet.config() } ?? options.load()
        let fleet: FleetAccess
        do {
            fleet = try world?.fleetAccess(config) ?? options.fleetAccess(config)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: .usage)
        }
        let account: AccountConfig
        if registry {
            guard let registryAccount = config.registry else { throw CommandFailure(message: "the config has no registry", exitCode: .usage) }
            account = registryAccount
        } else {
            guard let name = environment, let found = config.environment(named: name) else {
                throw CommandFailure(message: "unknown environment \(environment ?? ""); configured: \(config.environments.map { $0.name }.joined(separator: ", "))", exitCode: .usage)
            }
            account = found.access
        }
        do {
            if deploy {
                guard let context = try fleet.deployContext(account) else {
                    throw CommandFailure(message: "no deploy_role_arn configured for that account", exitCode: .usage)
                }
                return context
            }
            return try fleet.readContext(account)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: .usage)
        }
    }
}
