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
        /// `ECS DescribeServices`, `ECS DescribeTaskDefinition`, or `STS AssumeRole` when the read role failed.
        package var operation: String
        /// AWS's error code when AWS answered (`AccessDenied`, `ClusterNotFoundException`, …).
        package var code: String?
        package var message: String

        package init(environment: String, operation: String, code: String?, message: String) {
            self.environment = environment
            self.operation = operation
            self.code = code
            self.message = message
        }

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
            throw Failure(environment: environment.name, operation: "ECS DescribeServices", code: reason,
                          message: "ECS DescribeServices: service \(service) in cluster \(environment.cluster): \(reason)")
        }
        return try await summary(arn: arn, environment: environment.name, context: context)
    }

    /// The call that failed may be STS's (assuming the environment's read role) rather than ECS's: the poller's
    /// mapping finds which, and AWS's code, wherever the error came from.
    static func failure(_ error: Error, environment: String, operation: String) -> Failure {
        let mapped = SnapshotMapper.fetchError(error, operation: "ECS \(operation)", at: Date())
        let code = error is AWSError || (error as? CredentialError)?.underlyingAWSError != nil ? mapped.code : nil
        return Failure(environment: environment, operation: mapped.operation, code: code,
                       message: ErrorReport.describe(error, action: "ecs:\(operation)"))
    }
}
