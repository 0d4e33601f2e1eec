import ArgumentParser
import DashboardEngine
import DashboardModel

/// The AWS options every command that talks to AWS accepts.
package struct AWSOptions: ParsableArguments {
    package init() {}

    @Option(help: "AWS CLI profile to use (skips AWS_ACCESS_KEY_ID and friends, like the AWS CLI).")
    package var profile: String?

    @Option(help: "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region).")
    package var region: String?

    @Option(help: "Send every AWS call to this endpoint (moto, LocalStack, a VPC endpoint).")
    package var endpointUrl: String?

    package var overrides: AWSOverrides {
        AWSOverrides(profile: profile, region: region, endpointURL: endpointUrl)
    }

    package func access() throws -> AWSAccess {
        try AWSAccess(profile: profile, region: region, endpointOverride: endpointUrl)
    }
}
