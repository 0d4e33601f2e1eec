import AWSClient
import DashboardModel
import Foundation

/// Plans a scale from two reads made at once with the environment's read role: DescribeServices for the counts and
/// DescribeScalableTargets for the bounds. Nothing more is read, since a scale changes neither image nor tasks' shape.
package struct ScalePlanner: Sendable {
    package let access: ActionAccess

    package func plan(service: String, environment: String, count: Int) async throws -> ScalePlan {
        try ScalePlan.checkCount(count)
        guard let fetcher = access.fetcher(environment) else {
            throw ActionError(message: "unknown environment \(environment); configured: \(access.config.environments.map(\.name).joined(separator: ", "))",
                              exitCode: ActionOutcome.usage)
        }
        let cluster = fetcher.environment.cluster
        let context = fetcher.context
        async let described = ECSClient(context: context).describeServices(cluster: cluster, services: [service])
        async let bounds = Self.target(ApplicationAutoScalingClient(context: context), cluster: cluster, service: service)
        let target = await bounds
        let found: ECSService
        do {
            guard let item = try await described.items.first(where: { $0.serviceName == service }) else {
                throw ActionError(message: "no service \(service) in \(environment)", exitCode: ActionOutcome.usage)
            }
            found = item
        } catch let error as ActionError {
            throw error
        } catch {
            throw ActionError(message: "could not read \(environment): \(ErrorReport.describe(error))", exitCode: ActionOutcome.failure)
        }
        if let status = found.status, status != "ACTIVE" {
            throw ActionError(message: "\(environment)/\(service) is \(status): only an ACTIVE service can be scaled", exitCode: ActionOutcome.failure)
        }
        var plan = ScalePlan(service: service, environment: environment, cluster: cluster, desired: found.desiredCount ?? 0,
                             running: found.runningCount ?? 0, pending: found.pendingCount ?? 0, count: count)
        switch target {
        case .success(let value): plan.target = value
        case .failure(let error):
            let role = fetcher.environment.access.roleArn.map { " on \($0)" } ?? ""
            // One line: the reason ends up inside the gate line and the refusal message.
            plan.targetError = ErrorReport.describe(error, action: "application-autoscaling:DescribeScalableTargets\(role)").replacingOccurrences(of: "\n  ", with: "; ")
        }
        return plan
    }

    /// The service's target, or why it could not be read: an unreadable target fails the bounds gate rather than the plan.
    private static func target(_ client: ApplicationAutoScalingClient, cluster: String,
                               service: String) async -> Result<ApplicationAutoScalingScalableTarget?, any Error> {
        do {
            return .success(try await client.ecsServiceTarget(cluster: cluster, service: service))
        } catch {
            return .failure(error)
        }
    }
}
