import DashboardModel
import Foundation

/// Decides how an action is confirmed: already confirmed by flags, ask a person, or refuse; and whether what
/// they typed confirms.
package enum ConfirmationPolicy {
    /// What the person must type when asked.
    package enum Decision: Sendable, Equatable {
        case proceed
        case ask(prompt: String, expected: String)
        case refuse(String)
    }

    /// A wrong answer is asked again this many times in all before the action is called off.
    package static let attempts = 3

    package static func decide(environment: String, isProtected: Bool, yes: Bool, confirmEnvironment: String?, interactive: Bool) -> Decision {
        if yes {
            guard isProtected else { return .proceed }
            if let confirmEnvironment, matches(confirmEnvironment, environment) { return .proceed }
            let given = confirmEnvironment.map { " (got --confirm-env \($0))" } ?? ""
            return .refuse("\(environment) is protected: pass --confirm-env \(environment) with --yes\(given)")
        }
        guard interactive else {
            let extra = isProtected ? " --confirm-env \(environment)" : ""
            return .refuse("no terminal to confirm on: pass --yes\(extra) to run without asking")
        }
        if isProtected {
            return .ask(prompt: "\(environment) is protected. Type its name to continue: ", expected: environment)
        }
        return .ask(prompt: "Continue? [y/N] ", expected: "y")
    }

    /// Whether what the person typed confirms; an environment's name is matched without regard to case, so `PROD`
    /// (as the header spells it) confirms prod.
    package static func accepts(_ answer: String?, expected: String) -> Bool {
        let typed = (answer ?? "").trimmingCharacters(in: .whitespaces)
        return expected == "y" ? ["y", "yes"].contains(typed.lowercased()) : matches(typed, expected)
    }

    /// The prompt after a wrong answer: what was typed, what is wanted, and how many tries are left.
    package static func retryPrompt(typed: String, expected: String, left: Int) -> String {
        let wanted = expected == "y" ? "y" : expected
        return "“\(typed)” is not \(wanted); type \(wanted) to continue (\(left) \(left == 1 ? "try" : "tries") left, Esc stops): "
    }

    private static func matches(_ typed: String, _ name: String) -> Bool {
        typed.trimmingCharacters(in: .whitespaces).lowercased() == name.lowercased()
    }
}
