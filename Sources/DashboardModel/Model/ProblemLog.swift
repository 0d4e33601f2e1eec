import Foundation

/// Every problem seen in the last window, per environment and service: what each poll shows is merged in, so a
/// rollback or an OOM kill stays on screen for the window after ECS has forgotten it.
package struct ProblemLog: Equatable, Sendable {
    package var rules: ProblemRules
    private var entries: [Entry: ServiceProblem] = [:]

    private struct Entry: Hashable {
        var environment: String
        var service: String
        var key: String
    }

    package init(rules: ProblemRules = .standard) {
        self.rules = rules
    }

    /// Takes in what an environment's fresh snapshot shows: new problems are added, known ones keep their first time,
    /// a stuck rollout no longer seen is dropped, and whatever is older than the window goes.
    package mutating func record(_ snapshot: EnvironmentSnapshot, now: Date) {
        let seen = snapshot.services.flatMap {
            ProblemFinder.problems(of: $0, environment: snapshot.environment, now: now, rules: rules)
        }
        let seenKeys = Set(seen.map { Entry(environment: $0.environment, service: $0.service, key: $0.key) })
        entries = entries.filter { entry, problem in
            entry.environment != snapshot.environment || problem.isRemembered || seenKeys.contains(entry)
        }
        for problem in seen {
            let entry = Entry(environment: problem.environment, service: problem.service, key: problem.key)
            // A rollback seen first as a failure (the breaker has not replaced it yet) becomes a rollback.
            if var known = entries[entry] {
                if problem.kind == .rolledBack { known.kind = .rolledBack }
                known.at = min(known.at, problem.at)
                entries[entry] = known
            } else {
                entries[entry] = problem
            }
        }
        prune(now: now)
    }

    package mutating func prune(now: Date) {
        entries = entries.filter { _, problem in !problem.isRemembered || now.timeIntervalSince(problem.at) <= rules.window }
    }

    /// The service's problems in the window, newest first.
    package func problems(_ service: String, in environment: String, now: Date) -> [ServiceProblem] {
        entries.values.filter { $0.environment == environment && $0.service == service && isOpen($0, now: now) }
            .sorted { $0.at > $1.at }
    }

    /// How many services of the environment have problems in the window.
    package func servicesWithProblems(in environment: String, now: Date) -> Int {
        Set(entries.values.filter { $0.environment == environment && isOpen($0, now: now) }.map(\.service)).count
    }

    private func isOpen(_ problem: ServiceProblem, now: Date) -> Bool {
        !problem.isRemembered || now.timeIntervalSince(problem.at) <= rules.window
    }
}
