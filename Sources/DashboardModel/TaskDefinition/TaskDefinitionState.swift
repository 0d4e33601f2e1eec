import Foundation

/// The task definition pane: what was loaded, whether it shows the summary or the diff, and its `/` search.
package struct TaskDefinitionState: Equatable, Sendable {
    package var load = TaskDefinitionLoad()
    package var loading = false
    package var showingDiff = false
    package var search = ""

    package init(load: TaskDefinitionLoad = TaskDefinitionLoad(), loading: Bool = false, showingDiff: Bool = false, search: String = "") {
        self.load = load
        self.loading = loading
        self.showingDiff = showingDiff
        self.search = search
    }

    /// The lines in front: the diff or the summary, narrowed by the search (case-insensitive substring).
    package func lines(_ target: TaskDefinitionTarget, now: Date) -> [TaskDefinitionReport.Line] {
        let all = allLines(target, now: now)
        guard !search.isEmpty else { return all }
        return all.filter { $0.text.localizedCaseInsensitiveContains(search) }
    }

    private func allLines(_ target: TaskDefinitionTarget, now: Date) -> [TaskDefinitionReport.Line] {
        guard let summary = load.summary else { return [] }
        guard showingDiff else { return TaskDefinitionReport.lines(summary, environment: target.environment, now: now) }
        guard let baselineTarget = target.baseline else {
            return [TaskDefinitionReport.Line("\(target.environment) is the first environment: nothing before it to compare with", .muted)]
        }
        guard let baseline = load.baseline else {
            return [TaskDefinitionReport.Line("\(baselineTarget.environment): \(load.baselineError ?? "not loaded")", .perEnvironment)]
        }
        let diff = TaskDefinitionDiff.between(baseline, summary)
        return TaskDefinitionReport.lines(diff, from: (baselineTarget.environment, baseline), to: (target.environment, summary))
    }
}
