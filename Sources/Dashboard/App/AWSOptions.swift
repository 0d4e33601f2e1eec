import ArgumentParser

/// The AWS options every command that talks to AWS accepts.
struct AWSOptions: ParsableArguments {
    @Option(help: "AWS CLI profile to use (skips AWS_ACCESS_KEY_ID and friends, like the AWS CLI).")
    var profile: String?

    @Option(help: "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region).")
    var region: String?

    @Option(help: "Send every AWS call to this endpoint (moto, LocalStack, a VPC endpoint).")
    var endpointUrl: String?

    func access() throws -> AWSAccess {
        try AWSAccess(profile: profile, region: region, endpointOverride: endpointUrl)
    }
}
