/// What the task definition loader brought back: the shown revision and its baseline, each read or failed on its own,
/// so a baseline the read role cannot see still leaves the summary on screen.
package struct TaskDefinitionLoad: Equatable, Sendable {
    package var summary: TaskDefinitionSummary?
    package var error: String?
    package var baseline: TaskDefinitionSummary?
    package var baselineError: String?

    package init(summary: TaskDefinitionSummary? = nil, error: String? = nil, baseline: TaskDefinitionSummary? = nil, baselineError: String? = nil) {
        self.summary = summary
        self.error = error
        self.baseline = baseline
        self.baselineError = baselineError
    }
}
