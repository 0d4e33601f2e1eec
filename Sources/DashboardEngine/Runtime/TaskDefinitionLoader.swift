import AWSClient
import DashboardModel
import Foundation

/// Loads what the task definition pane shows: the service's revision and its baseline's, read side by side through
/// each environment's own read role, and hands them back as one event.
package struct TaskDefinitionLoader: Sendable {
    private let reader = TaskDefinitionReader()

    package init() {}

    /// The `taskDefinitionLoaded` event for `target`; `contexts` finds an environment's client (nil when unknown).
    package func load(_ target: TaskDefinitionTarget, contexts: @Sendable (String) -> AWSClientContext?) async -> AppEvent {
        async let shown = read(target.arn, environment: target.environment, contexts: contexts)
        async let baseline = readBaseline(target.baseline, contexts: contexts)
        let (summary, error) = await shown
        let (baselineSummary, baselineError) = await baseline
        return .taskDefinitionLoaded(target: target, load: TaskDefinitionLoad(summary: summary, error: error, baseline: baselineSummary,
                                                                              baselineError: baselineError))
    }

    private func readBaseline(_ baseline: TaskDefinitionTarget.Baseline?, contexts: @Sendable (String) -> AWSClientContext?) async -> (TaskDefinitionSummary?, String?) {
        guard let baseline else { return (nil, nil) }
        return await read(baseline.arn, environment: baseline.environment, contexts: contexts)
    }

    private func read(_ arn: String, environment: String, contexts: @Sendable (String) -> AWSClientContext?) async -> (TaskDefinitionSummary?, String?) {
        guard let context = contexts(environment) else { return (nil, "\(environment): not a configured environment") }
        do {
            return (try await reader.summary(arn: arn, environment: environment, context: context), nil)
        } catch {
            return (nil, error.description)
        }
    }
}
