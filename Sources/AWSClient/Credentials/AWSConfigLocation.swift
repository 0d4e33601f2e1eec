import Foundation

/// Where the AWS CLI keeps its files, worked out from an environment dictionary rather than the process.
enum AWSConfigLocation {
    static func configFile(environment: [String: String]) -> String {
        expand(nonEmpty(environment["AWS_CONFIG_FILE"]) ?? "~/.aws/config", environment: environment)
    }

    static func credentialsFile(environment: [String: String]) -> String {
        expand(nonEmpty(environment["AWS_SHARED_CREDENTIALS_FILE"]) ?? "~/.aws/credentials", environment: environment)
    }

    /// The directory `aws sso login` writes its token cache to.
    static func ssoCacheDirectory(environment: [String: String]) -> String {
        expand("~/.aws/sso/cache", environment: environment)
    }

    static func homeDirectory(environment: [String: String]) -> String {
        nonEmpty(environment["HOME"]) ?? nonEmpty(environment["USERPROFILE"]) ?? NSHomeDirectory()
    }

    /// Expands a leading `~` the way a shell would, since these paths often come from env vars.
    static func expand(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return homeDirectory(environment: environment) + path.dropFirst()
    }

    static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
