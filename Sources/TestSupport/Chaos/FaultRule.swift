import Foundation

/// Injects `fault` into a share of the requests that match: by service (`ecs`, `sts`…, the signing name),
/// operation (`DescribeServices`) and account (learned from the access key that signed the request).
public struct FaultRule: Sendable, Hashable {
    public var service: String?
    public var operation: String?
    public var account: String?
    public var fault: Fault
    /// The share of matching requests that get the fault, 0…1.
    public var probability: Double
    /// At most this many injections (nil: no limit), for "the token expires once".
    public var times: Int?

    public init(_ fault: Fault, probability: Double = 1, times: Int? = nil, service: String? = nil, operation: String? = nil, account: String? = nil) {
        self.fault = fault
        self.probability = probability
        self.times = times
        self.service = service
        self.operation = operation
        self.account = account
    }

    func matches(_ request: ChaosRequest) -> Bool {
        (service == nil || service == request.service)
            && (operation == nil || operation == request.operation)
            && (account == nil || account == request.account)
    }
}
