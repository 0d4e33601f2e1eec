import AWSClient
import DashboardModel
import Foundation

/// Reads task definitions as summaries: one revision by ARN, or the revision a service in an environment runs
/// now (DescribeServices, then DescribeTaskDefinition). Failures name the environment and the operation.
package struct TaskDefinitionReader: Sendable {
    package init() {}

    /// A failed read: where, which call, and AWS's words for it (scrubbed of secrets by ErrorReport).
    package struct Failure: Error, Equatable, CustomStringConvertible {
        package var environment: String
        package var operation: String
        /// AWS's error code when AWS answered (`AccessDenied`, `ClusterNotFoundException`, …).
        package var code: String?
        package var message: String

        package var description: String { "\(environment): \(message)" }
    }

    /// The revision `arn` names.
    package func summary(arn: String, environment: String, context: AWSClientContext) async throws(Failure) -> TaskDefinitionSummary {
        do {
            return TaskDefinitionSummarizer.summary(try await ECSClient(context: context).describeTaskDefinition(arn))
        } catch {
            throw Self.failure(error, environment: environment, operation: "DescribeTaskDefinition")
        }
    }

    /// The revision `service` runs now in `environment`.
    package func current(service: String, environment: EnvironmentConfig, context: AWSClientContext) async throws(Failure) -> TaskDefinitionSummary {
        let described: ECSDescribeResult<ECSService>
        do {
            described = try await ECSClient(context: context).describeServices(cluster: environment.cluster, services: [service])
        } catch {
            throw Self.failure(error, environment: environment.name, operation: "DescribeServices")
        }
        guard let arn = described.items.first?.taskDefinition, !arn.isEmpty else {
            let reason = described.failures.first?.reason ?? "no task definition"
            throw Failure(environment: environment.name, operation: "DescribeServices", code: reason,
                          message: "ECS DescribeServices: service \(service) in cluster \(environment.cluster): \(reason)")
        }
        return try await summary(arn: arn, environment: environment.name, context: context)
    }

    static func failure(_ error: Error, environment: String, operation: String) -> Failure {
        Failure(environment: environment, operation: operation, code: (error as? AWSError)?.code,
                message: ErrorReport.describe(error, action: "ecs:\(operation)"))
    }
}
