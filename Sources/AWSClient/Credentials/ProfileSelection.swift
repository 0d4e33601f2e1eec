import Foundation

/// Which profile the AWS CLI uses, and whether it was asked for by name (then it must exist, as botocore insists).
public struct ProfileSelection: Sendable, Equatable {
    public var name: String
    /// Named explicitly (`--profile`, ecsdash's `profile:`) or by `AWS_DEFAULT_PROFILE` / `AWS_PROFILE`; only the
    /// implicit `default` may be missing quietly.
    public var isNamed: Bool
    /// Explicit: environment keys and the environment's web identity are skipped, as botocore does for `--profile`.
    public var isExplicit: Bool
    /// The environment variable that named it, if one did.
    public var variable: String?

    /// The explicit profile, else `AWS_DEFAULT_PROFILE`, else `AWS_PROFILE` — botocore reads the legacy variable
    /// first — else `default`. A variable set to the empty string names the profile "" (which then does not exist).
    public init(explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let explicit = AWSConfigLocation.nonEmpty(explicit) {
            (name, isNamed, isExplicit) = (explicit, true, true)
        } else if let variable = ["AWS_DEFAULT_PROFILE", "AWS_PROFILE"].first(where: { environment[$0] != nil }) {
            (name, isNamed, isExplicit) = (environment[variable]!, true, false)
            self.variable = variable
        } else {
            (name, isNamed, isExplicit) = ("default", false, false)
        }
    }

    /// Where the name came from, for messages.
    var source: String {
        if let variable { return variable }
        return isExplicit ? "the profile chosen" : "the default profile"
    }
}
