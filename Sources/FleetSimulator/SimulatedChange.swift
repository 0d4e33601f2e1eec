import AWSClient
import Foundation

/// One call that changed the simulated world (a PutImage, an UpdateService, …), kept so the world can be rebuilt
/// exactly: the world is a pure function of its seed and start time plus these calls replayed at their times.
package struct SimulatedChange: Codable, Equatable, Sendable {
    /// When the call was answered, in epoch seconds.
    package var at: Double
    /// The service's name as `AWSServiceDescriptor.name` spells it (`ECS`, `ECR`, …).
    package var service: String
    package var operation: String
    package var region: String
    /// Who made it: what the handlers read of the caller (its keys are not kept; they do not outlive a process).
    package var account: String
    package var arn: String
    package var userId: String
    package var roleName: String?
    /// The JSON request body, as text.
    package var body: String

    package init(at: Double, call: SimulatedCall, identity: SimulatedIdentity) {
        self.at = at
        service = call.service.name
        operation = call.operation
        region = call.region
        account = identity.account
        arn = identity.arn
        userId = identity.userId
        roleName = identity.roleName
        body = String(decoding: call.body.data, as: UTF8.self)
    }

    /// `ECS.UpdateService`, as call counts and errors name it.
    package var name: String { service + "." + operation }

    /// The call again, as the simulator's handlers take it; nil when its service or body no longer parse.
    package func call() -> SimulatedCall? {
        guard let descriptor = AWSServiceDescriptor.all.first(where: { $0.name == service }),
              let json = SimulatedJSON.parse(Data(body.utf8)), json.members != nil else { return nil }
        return SimulatedCall(service: descriptor, operation: operation, accessKeyId: "", region: region, sessionToken: nil, body: json, form: [:])
    }

    /// The caller, with no keys: a replayed call skips authentication, which it passed when it was first made.
    package var identity: SimulatedIdentity {
        SimulatedIdentity(account: account, arn: arn, userId: userId, roleName: roleName, secretAccessKey: "", sessionToken: nil, expiration: nil)
    }
}
