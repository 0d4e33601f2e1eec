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

    package func run() async throws {
        let access: AWSAccess
        do {
            access = try aws.access()
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
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(identity), as: UTF8.self))
        } else {
            print("Account: \(identity.account)\nArn:     \(identity.arn)\nUserId:  \(identity.userId)\nRegion:  \(context.region)")
        }
    }
}
