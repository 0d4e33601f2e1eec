import AWSClient
import DashboardEngine
import DashboardModel
import Foundation

/// Checks that ecsdash can reach every configured account: credentials, role assumption, identity,
/// the read calls the dashboard needs and, on request, the deploy roles. Targets run concurrently.
package struct Doctor: Sendable {
    package let fleet: FleetAccess
    package let includeActions: Bool

    package func run(_ targets: [DoctorTarget]) async -> [DoctorCheck] {
        var checks = [await baseCredentialsCheck()]
        guard checks[0].outcome != .failed else { return checks }
        let results = await withTaskGroup(of: (Int, [DoctorCheck]).self) { group in
            for (index, target) in targets.enumerated() {
                group.addTask { (index, await check(target)) }
            }
            var collected: [(Int, [DoctorCheck])] = []
            for await result in group { collected.append(result) }
            return collected.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
        checks.append(contentsOf: results)
        return checks
    }

    private func baseCredentialsCheck() async -> DoctorCheck {
        do {
            let credentials = try await fleet.base.baseCredentials.credentials()
            let kind = credentials.sessionToken == nil ? "long-lived keys" : "temporary credentials"
            return DoctorCheck(target: "base", name: "credentials", outcome: .passed, detail: "\(kind) \(credentials.accessKeyId.prefix(8))…")
        } catch {
            return DoctorCheck(target: "base", name: "credentials", outcome: .failed, detail: ErrorReport.describe(error))
        }
    }

    private func check(_ target: DoctorTarget) async -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        let context: AWSClientContext
        do {
            context = try fleet.readContext(target.account)
        } catch {
            return [DoctorCheck(target: target.name, name: "credentials", outcome: .failed, detail: ErrorReport.describe(error))]
        }
        let roleLabel = target.account.roleArn.map { "assume \(roleName($0))" } ?? target.account.profile.map { "profile \($0)" } ?? "base identity"
        do {
            _ = try await context.credentials.credentials()
            checks.append(DoctorCheck(target: target.name, name: roleLabel, outcome: .passed, detail: target.account.roleArn ?? ""))
        } catch {
            checks.append(failure(target.name, roleLabel, error, action: target.account.roleArn.map { "sts:AssumeRole on \($0)" }))
            return checks
        }
        checks.append(await identityCheck(target, context: context, name: "sts:GetCallerIdentity"))
        for probe in target.probes {
            checks.append(await run(probe, target: target, context: context))
        }
        if includeActions { checks.append(contentsOf: await deployChecks(target)) }
        return checks
    }

    private func identityCheck(_ target: DoctorTarget, context: AWSClientContext, name: String) async -> DoctorCheck {
        do {
            let identity = try await STSClient(context: context).getCallerIdentity()
            guard identity.account == target.account.account else {
                return DoctorCheck(target: target.name, name: name, outcome: .warning,
                                   detail: "\(identity.arn) is in account \(identity.account), but the config says \(target.account.account)")
            }
            return DoctorCheck(target: target.name, name: name, outcome: .passed, detail: identity.arn)
        } catch {
            return failure(target.name, name, error, action: "sts:GetCallerIdentity")
        }
    }

    private func run(_ probe: DoctorTarget.Probe, target: DoctorTarget, context: AWSClientContext) async -> DoctorCheck {
        do {
            _ = try await AWSServiceClient(service: probe.service, context: context).jsonRaw(probe.operation, body: Data(probe.body.utf8))
            return DoctorCheck(target: target.name, name: probe.label, outcome: .passed, detail: "")
        } catch {
            let role = target.account.roleArn.map { " on \($0)" } ?? ""
            return failure(target.name, probe.label, error, action: probe.iamAction + role)
        }
    }

    private func deployChecks(_ target: DoctorTarget) async -> [DoctorCheck] {
        guard let deployRole = target.account.deployRoleArn else {
            return [DoctorCheck(target: target.name, name: "deploy role", outcome: .warning, detail: "no deploy_role_arn: actions are disabled for \(target.name)")]
        }
        let name = "assume \(roleName(deployRole))"
        do {
            guard let context = try fleet.deployContext(target.account) else { return [] }
            _ = try await context.credentials.credentials()
            return [DoctorCheck(target: target.name, name: name, outcome: .passed, detail: deployRole)]
        } catch {
            return [failure(target.name, name, error, action: "sts:AssumeRole on \(deployRole)")]
        }
    }

    private func failure(_ target: String, _ name: String, _ error: Error, action: String?) -> DoctorCheck {
        DoctorCheck(target: target, name: name, outcome: .failed, detail: Doctor.explain(error, action: action))
    }

    /// AWS's code first (what people search for), then what to do about it.
    package static func explain(_ error: Error, action: String?) -> String {
        let underlying = (error as? CredentialError).flatMap { $0.underlyingAWSError } ?? (error as? AWSError)
        guard let aws = underlying else { return ErrorReport.describe(error) }
        var text = "\(aws.code): \(aws.message.isEmpty ? "(no message)" : aws.message)"
        if aws.kind == .accessDenied, let action { text += " — needs \(action)" }
        if aws.status == nil { text = "\(aws.code): \(aws.message)" }
        return text
    }

    private func roleName(_ arn: String) -> String {
        arn.split(separator: "/").last.map(String.init) ?? arn
    }
}
