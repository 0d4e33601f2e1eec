import AWSClient
import DashboardModel

/// Words why ecsdash cannot act in an account, found before anyone is asked to confirm: which role could not be
/// assumed and what the caller lacks, or which credentials were refused; never a key, secret or token.
package enum AccessReport {
    package static func cannotAct(in place: String, role: String?, needs actions: [String], error: any Error) -> String {
        let underlying = (error as? CredentialError)?.underlyingAWSError ?? (error as? AWSError)
        let code = underlying.map { " (\($0.code))" } ?? ""
        var lines: [String]
        if let role, error is CredentialError {
            lines = ["cannot act in \(place): assuming \(role) was refused\(code)",
                     "  your identity (see `ecsdash identity`) needs sts:AssumeRole on \(role), and the role's trust policy must allow it;",
                     "  the role itself needs \(actions.joined(separator: ", ")) for this action"]
        } else if let underlying, underlying.kind == .accessDenied {
            lines = ["cannot act in \(place)\(role.map { " as \($0)" } ?? ""): \(underlying.code)",
                     "  it needs sts:GetCallerIdentity and \(actions.joined(separator: ", "))"]
        } else {
            lines = ["cannot act in \(place)\(role.map { " as \($0)" } ?? ""): \(StepFailureReport.headline(error))"]
        }
        lines.append("  nothing was asked and nothing was changed")
        return SecretScrubber.scrub(lines.joined(separator: "\n"))
    }
}
