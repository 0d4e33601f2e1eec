import AWSClient
import ArgumentParser
import DashboardEngine
import DashboardModel
import Foundation

/// `ecsdash identity`: who the credential chain (or an assumed role) resolves to, via sts:GetCallerIdentity.
package struct IdentityCommand: AsyncParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "identity",
        abstract: "Resolve credentials and print the caller identity (sts:GetCallerIdentity).",
        discussion: "Credentials come from the AWS CLI's chain: environment keys, the profile, ECS container credentials, EC2 instance metadata."
    )

    @OptionGroup package var aws: AWSOptions

    @Option(help: "Assume this IAM role with the resolved credentials first.")
    package var roleArn: String?

    @Flag(help: "Print JSON instead of text.")
    package var json = false

    @OptionGroup package var demo: DemoOptions

    package func run() async throws {
        guard demo.isOn else { return try await show(nil) }
        try await demo.withWorld { try await show($0) }
    }

    /// Resolves and prints the identity: AWS's, or with `world` the demo user's (or its assumed role's) in the simulator.
    private func show(_ world: DemoWorld?) async throws {
        let access: AWSAccess
        do {
            access = try world?.access() ?? aws.access()
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: .usage)
        }
        let context = roleArn.map { access.roleContext(roleArn: $0) } ?? access.baseContext()
        let identity: CallerIdentity
        do {
            identity = try await STSClient(context: context).getCallerIdentity()
        } catch {
            throw CommandFailure(message: ErrorReport.describe(error, action: "sts:GetCallerIdentity"), exitCode: .failure)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(identity), as: UTF8.self))
        } else {
            print("Account: \(identity.account)\nArn:     \(identity.arn)\nUserId:  \(identity.userId)\nRegion:  \(context.region)")
        }
    }
}
