import Foundation

/// Every problem seen in the last window, per environment and service: what each poll shows is merged in, so a
/// rollback or an OOM kill stays on screen for the window after ECS has forgotten it.
package struct ProblemLog: Equatable, Sendable {
    package var rules: ProblemRules
    /// Indexed by environment and service, because the matrix asks for every cell on every frame.
    private var byService: [Place: [String: ServiceProblem]] = [:]

    private struct Place: Hashable {
        var environment: String
        var service: String
    }

    package init(rules: ProblemRules = .standard) {
        self.rules = rules
    }

    /// Takes in what an environment's fresh snapshot shows: new problems are added, known ones keep their first time,
    /// a stuck rollout no longer seen is dropped, and whatever is older than the window goes.
    package mutating func record(_ snapshot: EnvironmentSnapshot, now: Date) {
        var seen: [Place: [String: ServiceProblem]] = [:]
        for service in snapshot.services {
            for problem in ProblemFinder.problems(of: service, environment: snapshot.environment, now: now, rules: rules) {
                seen[Place(environment: problem.environment, service: problem.service), default: [:]][problem.key] = problem
            }
        }
        for place in byService.keys where place.environment == snapshot.environment {
            byService[place] = byService[place]?.filter { key, problem in problem.isRemembered || seen[place]?[key] != nil }
        }
        for (place, problems) in seen {
            for (key, problem) in problems {
                // A rollback seen first as a failure (the breaker had not replaced it yet) becomes a rollback.
                if var known = byService[place]?[key] {
                    if problem.kind == .rolledBack { known.kind = .rolledBack }
                    known.at = min(known.at, problem.at)
                    byService[place, default: [:]][key] = known
                } else {
                    byService[place, default: [:]][key] = problem
                }
            }
        }
        prune(now: now)
    }

    package mutating func prune(now: Date) {
        for place in byService.keys {
            let open = byService[place]?.filter { isOpen($0.value, now: now) } ?? [:]
            byService[place] = open.isEmpty ? nil : open
        }
    }

    /// The service's problems in the window, newest first.
    package func problems(_ service: String, in environment: String, now: Date) -> [ServiceProblem] {
        guard let problems = byService[Place(environment: environment, service: service)] else { return [] }
        return problems.values.filter { isOpen($0, now: now) }.sorted { $0.at > $1.at }
    }

    /// How many services of the environment have problems in the window.
    package func servicesWithProblems(in environment: String, now: Date) -> Int {
        byService.filter { $0.key.environment == environment && $0.value.values.contains { isOpen($0, now: now) } }.count
    }

    private func isOpen(_ problem: ServiceProblem, now: Date) -> Bool {
        !problem.isRemembered || now.timeIntervalSince(problem.at) <= rules.window
    }
}
