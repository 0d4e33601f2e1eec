import Foundation

/// Decides how an action is confirmed: already confirmed by flags, ask a person, or refuse.
enum ConfirmationPolicy {
    /// What the person must type when asked.
    enum Decision: Sendable, Equatable {
        case proceed
        case ask(prompt: String, expected: String)
        case refuse(String)
    }

    static func decide(environment: String, isProtected: Bool, yes: Bool, confirmEnvironment: String?, interactive: Bool) -> Decision {
        if yes {
            guard isProtected else { return .proceed }
            if confirmEnvironment == environment { return .proceed }
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

    /// Whether what the person typed confirms.
    static func accepts(_ answer: String?, expected: String) -> Bool {
        let typed = (answer ?? "").trimmingCharacters(in: .whitespaces)
        return expected == "y" ? ["y", "yes"].contains(typed.lowercased()) : typed == expected
    }
}
