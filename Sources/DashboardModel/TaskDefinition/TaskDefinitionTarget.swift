/// Whose task definition the pane shows: a service in an environment, the revision it runs, and the revision the
/// environment before it runs (what a promotion would come from), when there is one.
package struct TaskDefinitionTarget: Equatable, Sendable {
    package var environment: String
    package var service: String
    package var arn: String
    package var baseline: Baseline?

    package init(environment: String, service: String, arn: String, baseline: Baseline? = nil) {
        self.environment = environment
        self.service = service
        self.arn = arn
        self.baseline = baseline
    }

    /// The other side of the diff.
    package struct Baseline: Equatable, Sendable {
        package var environment: String
        package var arn: String

        package init(environment: String, arn: String) {
            self.environment = environment
            self.arn = arn
        }
    }

    package var title: String { "\(service) · \(environment)" }
}
