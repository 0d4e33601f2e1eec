import AWSClient
import DashboardModel

/// Words a failed action step: which step, AWS's error, for access denied the missing IAM action and
/// role, what was already done, and that re-running finishes the job; never a key, secret or token.
package enum StepFailureReport {
    package static func message(action: String, index: Int, total: Int, call: PlannedCall, error: any Error, roleArn: String?, done: [String]) -> String {
        var lines = ["\(action) failed at step \(index)/\(total) (\(call.summary)): \(headline(error))"]
        if let hint = accessHint(error, call: call, roleArn: roleArn) { lines.append("  \(hint)") }
        lines.append(done.isEmpty ? "  nothing was changed" : "  already done: " + done.joined(separator: "; "))
        lines.append("  " + rerunHint(call, done: done))
        return SecretScrubber.scrub(lines.joined(separator: "\n"))
    }

    /// Re-running the same command finishes the job: retags are idempotent, and once the tags have moved the
    /// re-run sees which services ECS shows without the image and redeploys just those.
    package static func rerunHint(_ call: PlannedCall, done: [String]) -> String {
        if case .updateService(let environment, _, let service, nil) = call, !done.isEmpty {
            return "the tags have moved but \(environment)/\(service) was not redeployed: fix the cause and re-run the same command; it finishes the redeploy"
        }
        return "every step is idempotent: fix the cause and re-run the same command to finish"
    }

    package static func headline(_ error: any Error) -> String {
        switch error {
        case let error as AWSError: return SecretScrubber.scrub("\(error.code): \(error.message)")
        case let error as CredentialError: return SecretScrubber.scrub(error.underlyingAWSError.map { "\($0.code): \(error.message)" } ?? error.message)
        default: return SecretScrubber.scrub("\(error)")
        }
    }

    /// For access denied: the IAM action the role lacks, or the AssumeRole the caller could not make.
    package static func accessHint(_ error: any Error, call: PlannedCall, roleArn: String?) -> String? {
        let role = roleArn ?? "(the base credentials)"
        if let error = error as? AWSError, error.kind == .accessDenied {
            return "missing IAM permission \(call.iamAction) on role \(role)"
        }
        if let error = error as? CredentialError, let underlying = error.underlyingAWSError, underlying.kind == .accessDenied {
            return "cannot assume \(role): the caller lacks sts:AssumeRole on it (or the role's trust policy refuses the caller)"
        }
        return nil
    }

    /// The AWS error code to audit.
    package static func code(_ error: any Error) -> String {
        switch error {
        case let error as AWSError: return error.code
        case let error as CredentialError: return error.underlyingAWSError?.code ?? "CredentialError"
        default: return "\(type(of: error))"
        }
    }
}
