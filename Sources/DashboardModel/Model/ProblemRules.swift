import Foundation

/// How long problems stay on screen and when a rollout counts as stuck (`problem_window:`, `stuck_after:`).
package struct ProblemRules: Equatable, Sendable {
    package var window: TimeInterval
    package var stuckAfter: TimeInterval

    package static let standard = ProblemRules(window: 3600, stuckAfter: 600)

    package init(window: TimeInterval, stuckAfter: TimeInterval) {
        self.window = window
        self.stuckAfter = stuckAfter
    }
}
