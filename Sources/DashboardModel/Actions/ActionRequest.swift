import Foundation

/// One action a person or a script asked for, with every flag that shapes how it runs.
package struct ActionRequest: Sendable, Equatable {
    package var service: String
    package var kind: ActionKind
    /// Confirmation was given up front (`--yes`).
    package var yes = false
    /// The protected environment's name, typed in advance by a script (`--confirm-env`).
    package var confirmEnvironment: String?
    package var dryRun = false
    package var force = false
    package var reason: String?
    package var wait = true
    package var waitTimeout: TimeInterval = 15 * 60
    /// Whether a person can be asked on a terminal.
    package var interactive = false
    /// A failed gate is offered for override right there (type a reason), as the dashboard does; the command line
    /// takes `--force --reason` instead, so scripts never stop at a question.
    package var offersOverride = false

    /// The environment whose service the action changes; the mutual-exclusion key uses it.
    package var targetEnvironment: String {
        switch kind {
        case .promote(_, let to): return to
        case .rollback(let environment, _), .restart(let environment): return environment
        case .scale(let environment, _): return environment
        }
    }

    /// `env/service`: two actions with the same key never run at once.
    package var lockKey: String { "\(targetEnvironment)/\(service)" }

    package var summary: String {
        switch kind {
        case .promote(let from, let to): return "promote \(service) \(from) → \(to)"
        case .rollback(let environment, let target): return "rollback \(service) in \(environment)\(target.suffix)"
        case .restart(let environment): return "restart \(service) in \(environment)"
        case .scale(let environment, let count): return "scale \(service) in \(environment) to \(count)"
        }
    }

    package init(
        service: String,
        kind: ActionKind,
        yes: Bool = false,
        confirmEnvironment: String? = nil,
        dryRun: Bool = false,
        force: Bool = false,
        reason: String? = nil,
        wait: Bool = true,
        waitTimeout: TimeInterval = 15 * 60,
        interactive: Bool = false,
        offersOverride: Bool = false
    ) {
        self.service = service
        self.kind = kind
        self.yes = yes
        self.confirmEnvironment = confirmEnvironment
        self.dryRun = dryRun
        self.force = force
        self.reason = reason
        self.wait = wait
        self.waitTimeout = waitTimeout
        self.interactive = interactive
        self.offersOverride = offersOverride
    }
}

/// What an action does.
package enum ActionKind: Sendable, Equatable {
    case promote(from: String, to: String)
    case rollback(environment: String, target: RollbackTarget)
    case restart(environment: String)
    /// Set the service's desired task count (ScalePlanner plans it).
    case scale(environment: String, count: Int)

    package var name: String {
        switch self {
        case .promote: return "promote"
        case .rollback: return "rollback"
        case .restart: return "restart"
        case .scale: return "scale"
        }
    }
}

/// Where a rollback goes: the `ENV-previous` tag, a chosen digest or tag, or a task-definition revision.
package enum RollbackTarget: Sendable, Equatable {
    case previous
    case digest(String)
    case tag(String)
    case revision(Int)

    /// `--to`: a digest (`sha256:…`) or any tag of the repository (`build-103`).
    package static func parse(_ text: String) -> RollbackTarget {
        text.hasPrefix("sha256:") ? .digest(text) : .tag(text)
    }

    package var suffix: String {
        switch self {
        case .previous: return ""
        case .digest(let digest): return " to \(DigestText.short(digest))"
        case .tag(let tag): return " to \(tag)"
        case .revision(let revision): return " to revision \(revision)"
        }
    }
}

/// The desired counts ecsdash accepts at all: ECS's own quota is 5,000 tasks per service (raisable); past 10,000 it
/// is a typo. The dashboard's `:scale` and the dispatcher refuse alike.
package enum ScaleLimits {
    package static let counts = 0...10_000
}
