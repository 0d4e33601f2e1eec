/// An injected failure: calls into one account (optionally one operation) fail with a given code and status.
package struct SimulatedFailureRule: Sendable {
    package var account: String
    /// `DescribeServices` or `ECS.DescribeServices`; nil matches every operation.
    package var operation: String?
    package var code: String
    package var status: Int

    package func matches(_ call: SimulatedCall, account: String) -> Bool {
        guard account == self.account else { return false }
        guard let operation else { return true }
        return operation == call.operation || operation == call.name
    }

    /// The fault, worded as AWS would word that code.
    package func fault(for call: SimulatedCall, identity: SimulatedIdentity, region: String) -> SimulatedFault {
        let message: String
        switch code {
        case "AccessDeniedException", "AccessDenied":
            let prefix = SimulatedRequestContext.iamPrefix(call.service)
            return .accessDenied(principal: identity.arn, action: "\(prefix):\(call.operation)", resource: "*", code: code)
        case "ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded":
            message = "Rate exceeded"
        case "ServiceUnavailableException", "ServiceUnavailable":
            message = "Service Unavailable"
        default:
            message = "Simulated failure"
        }
        return SimulatedFault(code: code, message: message, status: status)
    }
}
