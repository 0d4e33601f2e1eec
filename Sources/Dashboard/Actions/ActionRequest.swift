import Foundation

/// One action a person or a script asked for, with every flag that shapes how it runs.
struct ActionRequest: Sendable, Equatable {
    var service: String
    var kind: ActionKind
    /// Confirmation was given up front (`--yes`).
    var yes = false
    /// The protected environment's name, typed in advance by a script (`--confirm-env`).
    var confirmEnvironment: String?
    var dryRun = false
    var force = false
    var reason: String?
    var wait = true
    var waitTimeout: TimeInterval = 15 * 60
    /// Whether a person can be asked on a terminal.
    var interactive = false
    /// A failed gate is offered for override right there (type a reason), as the dashboard does; the command line
    /// takes `--force --reason` instead, so scripts never stop at a question.
    var offersOverride = false

    /// The environment whose service the action changes; the mutual-exclusion key uses it.
    var targetEnvironment: String {
        switch kind {
        case .promote(_, let to): return to
        case .rollback(let environment, _), .restart(let environment): return environment
        case .scale(let environment, _): return environment
        }
    }

    /// `env/service`: two actions with the same key never run at once.
    var lockKey: String { "\(targetEnvironment)/\(service)" }

    var summary: String {
        switch kind {
        case .promote(let from, let to): return "promote \(service) \(from) → \(to)"
        case .rollback(let environment, let target): return "rollback \(service) in \(environment)\(target.suffix)"
        case .restart(let environment): return "restart \(service) in \(environment)"
        case .scale(let environment, let count): return "scale \(service) in \(environment) to \(count)"
        }
    }
}

/// What an action does.
enum ActionKind: Sendable, Equatable {
    case promote(from: String, to: String)
    case rollback(environment: String, target: RollbackTarget)
    case restart(environment: String)
    /// Set the service's desired task count (ScalePlanner plans it).
    case scale(environment: String, count: Int)

    var name: String {
        switch self {
        case .promote: return "promote"
        case .rollback: return "rollback"
        case .restart: return "restart"
        case .scale: return "scale"
        }
    }
}

/// Where a rollback goes: the `ENV-previous` tag, a chosen digest or tag, or a task-definition revision.
enum RollbackTarget: Sendable, Equatable {
    case previous
    case digest(String)
    case tag(String)
    case revision(Int)

    /// `--to`: a digest (`sha256:…`) or any tag of the repository (`build-103`).
    static func parse(_ text: String) -> RollbackTarget {
        text.hasPrefix("sha256:") ? .digest(text) : .tag(text)
    }

    var suffix: String {
        switch self {
        case .previous: return ""
        case .digest(let digest): return " to \(DigestText.short(digest))"
        case .tag(let tag): return " to \(tag)"
        case .revision(let revision): return " to revision \(revision)"
        }
    }
}
