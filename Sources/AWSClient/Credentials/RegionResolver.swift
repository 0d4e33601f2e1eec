import Foundation

/// Picks the AWS region like the AWS CLI: `AWS_REGION`, then `AWS_DEFAULT_REGION`, then the profile's `region`.
///
/// `AWS_REGION` is where ecsdash differs from botocore, which reads only `AWS_DEFAULT_REGION`: AWS CLI v2 and the
/// other SDKs read `AWS_REGION` first, and EKS, Lambda and CodeBuild set it.
public enum RegionResolver {
    /// The region, or nil when none is configured anywhere.
    /// - Parameters:
    ///   - profile: an explicit profile (`--profile`); otherwise `AWS_DEFAULT_PROFILE`, `AWS_PROFILE`, then `default`.
    ///   - files: parsed files to use; read from disk (per the environment) only when needed.
    public static func resolve(
        profile: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        files: ProfileFiles? = nil
    ) throws(ProfileFileError) -> String? {
        if let region = region(environment: environment, profile: nil) { return region }
        let loaded: ProfileFiles
        if let files { loaded = files } else { loaded = try ProfileFiles.load(environment: environment) }
        let name = ProfileFiles.selectedProfileName(explicit: profile, environment: environment)
        return loaded.profile(name)?["region"]
    }

    /// The environment's region, else `profile`'s.
    static func region(environment: [String: String], profile: ProfileSection?) -> String? {
        AWSConfigLocation.nonEmpty(environment["AWS_REGION"])
            ?? AWSConfigLocation.nonEmpty(environment["AWS_DEFAULT_REGION"])
            ?? profile?["region"]
    }
}
