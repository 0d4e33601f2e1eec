/// An AWS error the simulator answers with: the error code, its message and the HTTP status.
struct SimulatedFault: Error, Sendable, Equatable {
    var code: String
    var message: String
    var status: Int = 400

    static func invalidParameter(_ message: String) -> SimulatedFault {
        SimulatedFault(code: "InvalidParameterException", message: message)
    }

    static func missing(_ name: String) -> SimulatedFault {
        // The wording of AWS's own validation messages for a missing required member.
        SimulatedFault(code: "ValidationException", message: "1 validation error detected: Value null at '\(name)' failed to satisfy constraint: Member must not be null")
    }

    /// AWS's access-denied wording, naming the principal, the IAM action and the resource.
    static func accessDenied(principal: String, action: String, resource: String, code: String = "AccessDeniedException") -> SimulatedFault {
        SimulatedFault(code: code, message: "User: \(principal) is not authorized to perform: \(action) on resource: \(resource) because no identity-based policy allows the \(action) action")
    }

    /// The same fault with another HTTP status.
    func with(status: Int) -> SimulatedFault {
        var copy = self
        copy.status = status
        return copy
    }
}
