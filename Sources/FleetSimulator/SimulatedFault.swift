/// An AWS error the simulator answers with: the error code, its message and the HTTP status.
package struct SimulatedFault: Error, Sendable, Equatable {
    package var code: String
    package var message: String
    package var status: Int = 400

    package static func invalidParameter(_ message: String) -> SimulatedFault {
        SimulatedFault(code: "InvalidParameterException", message: message)
    }

    package static func missing(_ name: String) -> SimulatedFault {
        // The wording of AWS's own validation messages for a missing required member.
        SimulatedFault(code: "ValidationException", message: "1 validation error detected: Value null at '\(name)' failed to satisfy constraint: Member must not be null")
    }

    /// AWS's access-denied wording, naming the principal, the IAM action and the resource.
    package static func accessDenied(principal: String, action: String, resource: String, code: String = "AccessDeniedException") -> SimulatedFault {
        SimulatedFault(code: code, message: "User: \(principal) is not authorized to perform: \(action) on resource: \(resource) because no identity-based policy allows the \(action) action")
    }

    /// The same fault with another HTTP status.
    package func with(status: Int) -> SimulatedFault {
        var copy = self
        copy.status = status
        return copy
    }
}
