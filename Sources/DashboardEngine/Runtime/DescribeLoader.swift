import AWSClient
import DashboardModel
import Foundation

/// Fetches the raw ECS JSON the describe pane shows, pretty-printed: DescribeServices, DescribeTasks or
/// DescribeTaskDefinition for one item. The reply stays raw on purpose: the pane shows every field AWS sent,
/// modelled or not.
package struct DescribeLoader: Sendable {
    package init() {}

    /// The `describeLoaded` event for `target`, or nil when the environment is unknown.
    package func load(_ target: DescribeTarget, context: AWSClientContext?) async -> AppEvent? {
        guard let context else { return nil }
        let operation = Self.operation(for: target.kind)
        do {
            let reply = try await AWSServiceClient(service: .ecs, context: context).jsonRaw(operation, body: try Self.body(for: target))
            return .describeLoaded(target: target, text: try PrettyJSON.text(reply), error: nil)
        } catch {
            return .describeLoaded(target: target, text: nil, error: ErrorReport.describe(error, action: "ecs:\(operation)"))
        }
    }

    package static func operation(for kind: DescribeTarget.Kind) -> String {
        switch kind {
        case .service: "DescribeServices"
        case .task: "DescribeTasks"
        case .taskDefinition: "DescribeTaskDefinition"
        }
    }

    /// The request body, keys sorted so it is the same bytes every time.
    package static func body(for target: DescribeTarget) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        switch target.kind {
        case .service: return try encoder.encode(ServicesInput(cluster: target.cluster, services: [target.identifier]))
        case .task: return try encoder.encode(TasksInput(cluster: target.cluster, tasks: [target.identifier]))
        case .taskDefinition: return try encoder.encode(TaskDefinitionInput(taskDefinition: target.identifier))
        }
    }

    /// DescribeServices' request for one service.
    struct ServicesInput: Encodable {
        var cluster: String
        var services: [String]
    }

    /// DescribeTasks' request for one task.
    struct TasksInput: Encodable {
        var cluster: String
        var tasks: [String]
    }

    /// DescribeTaskDefinition's request.
    struct TaskDefinitionInput: Encodable {
        var taskDefinition: String
    }
}
