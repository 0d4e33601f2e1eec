import AWSClient
import Foundation

/// One request as the simulator understands it: which service and operation, whose key, and its input.
package struct SimulatedCall: Sendable {
    package var service: AWSServiceDescriptor
    package var operation: String
    package var accessKeyId: String
    /// The region of the signature's credential scope; resources are regional, as on AWS.
    package var region: String
    package var sessionToken: String?
    /// The JSON body (JSON protocol) or an empty object.
    package var body: SimulatedJSON
    /// The form parameters (query protocol), decoded.
    package var form: [String: String]

    /// `ECS.DescribeServices`: the key of call counts and injected failures.
    package var name: String { service.name + "." + operation }

    package var isQuery: Bool {
        if case .query = service.wireProtocol { return true }
        return false
    }

    /// Reads the protocol, operation and signature scope of a request; a fault says why it was refused.
    package static func parse(_ request: HTTPRequest) -> Result<SimulatedCall, SimulatedFailure> {
        let target = request.headers["x-amz-target"]
        let jsonService = target.flatMap(jsonService(forTarget:))
        let fallback = jsonService ?? .ecs
        guard let authorization = request.headers["authorization"], let date = request.headers["x-amz-date"], !date.isEmpty,
              let scope = CredentialScope(authorization: authorization) else {
            let code = target == nil ? "MissingAuthenticationToken" : "MissingAuthenticationTokenException"
            return .failure(SimulatedFailure(service: target == nil ? .sts : fallback,
                                             fault: SimulatedFault(code: code, message: "Missing Authentication Token", status: 403)))
        }
        if let target {
            guard let service = jsonService, let dot = target.lastIndex(of: ".") else {
                return .failure(SimulatedFailure(service: fallback, fault: SimulatedFault(code: "UnknownOperationException", message: "")))
            }
            guard let body = SimulatedJSON.parse(request.body), body.members != nil else {
                return .failure(SimulatedFailure(service: service, fault: SimulatedFault(code: "SerializationException", message: "Start of structure or map found where not expected.")))
            }
            return .success(SimulatedCall(service: service, operation: String(target[target.index(after: dot)...]), accessKeyId: scope.accessKeyId,
                                          region: scope.region, sessionToken: request.headers["x-amz-security-token"], body: body, form: [:]))
        }
        let form = formParameters(request.body)
        let service: AWSServiceDescriptor = scope.service == "elasticloadbalancing" || form["Version"] == "2015-12-01" ? .elbv2 : .sts
        guard let action = form["Action"], !action.isEmpty else {
            return .failure(SimulatedFailure(service: service, fault: SimulatedFault(code: "MissingAction", message: "Missing Action")))
        }
        return .success(SimulatedCall(service: service, operation: action, accessKeyId: scope.accessKeyId, region: scope.region,
                                      sessionToken: request.headers["x-amz-security-token"], body: .object([]), form: form))
    }

    /// The JSON-protocol service whose target prefix starts `X-Amz-Target`.
    package static func jsonService(forTarget target: String) -> AWSServiceDescriptor? {
        AWSServiceDescriptor.all.first { service in
            guard case .json(let prefix) = service.wireProtocol else { return false }
            return target.hasPrefix(prefix + ".")
        }
    }

    /// Decodes an `application/x-www-form-urlencoded` body.
    package static func formParameters(_ body: Data) -> [String: String] {
        var result: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = URIEncoding.decode(parts[0].replacingOccurrences(of: "+", with: " "))
            let value = parts.count > 1 ? URIEncoding.decode(parts[1].replacingOccurrences(of: "+", with: " ")) : ""
            result[name] = value
        }
        return result
    }

    /// The values of a query-protocol list parameter (`Names.member.1`, `Names.member.2`, …) in order.
    package func formList(_ name: String) -> [String] {
        var values: [String] = []
        var index = 1
        while let value = form["\(name).member.\(index)"] {
            values.append(value)
            index += 1
        }
        return values
    }
}

/// The `Credential=KEY/date/region/service/aws4_request` part of a SigV4 `Authorization` header.
package struct CredentialScope: Sendable, Equatable {
    package var accessKeyId: String
    package var region: String
    package var service: String

    package init?(authorization: String) {
        guard let start = authorization.range(of: "Credential=") else { return nil }
        let value = authorization[start.upperBound...].prefix { $0 != "," && $0 != " " }
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 5, !parts[0].isEmpty else { return nil }
        accessKeyId = String(parts[0])
        region = String(parts[2])
        service = String(parts[3])
    }
}

/// A refusal before any simulated service ran: which protocol to answer in, and the fault.
package struct SimulatedFailure: Error, Sendable {
    package var service: AWSServiceDescriptor
    package var fault: SimulatedFault
}
