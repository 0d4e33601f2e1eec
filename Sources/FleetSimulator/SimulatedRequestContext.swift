import AWSClient
import Foundation

/// What every simulated API handler needs: the world, the caller, the call and the time, plus the input
/// readers and checks (required members, limits, pagination, permissions) that all services share.
package struct SimulatedRequestContext {
    package let world: SimulatedWorld
    package let call: SimulatedCall
    package let identity: SimulatedIdentity
    package let now: Double

    /// The caller's environment account in the call's region, if it has resources.
    package var account: SimulatedAccount? {
        world.environmentAccount(identity.account, region: call.region)
    }

    /// The IAM prefix of a service's actions (`ecs`, `ecr`, `logs`, …).
    package static func iamPrefix(_ service: AWSServiceDescriptor) -> String {
        service.signingName == "elasticloadbalancing" ? "elasticloadbalancing" : service.signingName
    }

    /// Denies a write to the read-only role, in AWS's words.
    package func authorizeWrite(resource: String) throws(SimulatedFault) {
        guard identity.isReadOnly, SimulatedIdentity.writeActions.contains(call.name) else { return }
        throw .accessDenied(principal: identity.arn, action: "\(Self.iamPrefix(call.service)):\(call.operation)", resource: resource)
    }

    // MARK: JSON input

    package func string(_ key: String) throws(SimulatedFault) -> String {
        guard let value = try optionalString(key) else { throw .missing(key) }
        return value
    }

    package func optionalString(_ key: String) throws(SimulatedFault) -> String? {
        guard let value = call.body[key], !isNull(value) else { return nil }
        guard let text = value.stringValue else { throw serialization(key) }
        return text
    }

    package func optionalInt(_ key: String) throws(SimulatedFault) -> Int? {
        guard let value = call.body[key], !isNull(value) else { return nil }
        guard let number = value.intValue else { throw serialization(key) }
        return number
    }

    package func optionalBool(_ key: String) throws(SimulatedFault) -> Bool? {
        guard let value = call.body[key], !isNull(value) else { return nil }
        guard let flag = value.boolValue else { throw serialization(key) }
        return flag
    }

    package func optionalStrings(_ key: String) throws(SimulatedFault) -> [String]? {
        guard let value = call.body[key], !isNull(value) else { return nil }
        guard let items = value.arrayValue else { throw serialization(key) }
        var result: [String] = []
        for item in items {
            guard let text = item.stringValue else { throw serialization(key) }
            result.append(text)
        }
        return result
    }

    private func isNull(_ value: SimulatedJSON) -> Bool {
        if case .null = value { return true }
        return false
    }

    private func serialization(_ key: String) -> SimulatedFault {
        SimulatedFault(code: "SerializationException", message: "Unexpected value type in payload for member '\(key)'")
    }

    // MARK: Limits and pages

    /// `maxResults` (or another page-size member) checked against the service's limit, or the default.
    package func pageSize(_ key: String = "maxResults", default fallback: Int, limit: Int) throws(SimulatedFault) -> Int {
        guard let size = try optionalInt(key) else { return fallback }
        guard (1...limit).contains(size) else {
            throw .invalidParameter("\(key) must be between 1 and \(limit); \(size) is out of range.")
        }
        return size
    }

    /// One page of `items` from the offset in the opaque `nextToken`, and the token for the next page.
    package func page<Item>(_ items: [Item], size: Int, tokenKey: String = "nextToken") throws(SimulatedFault) -> (items: [Item], next: String?) {
        let start = try Self.offset(fromToken: call.isQuery ? call.form[tokenKey] : try optionalString(tokenKey))
        guard start <= items.count else { throw .invalidParameter("The \(tokenKey) is invalid.") }
        let end = min(items.count, start + size)
        return (Array(items[start..<end]), end < items.count ? Self.token(offset: end) : nil)
    }

    /// Tokens are opaque to callers, as AWS's are; inside they are an offset.
    package static func token(offset: Int) -> String {
        Data("ecsdash-sim:\(offset)".utf8).base64EncodedString()
    }

    package static func offset(fromToken token: String?) throws(SimulatedFault) -> Int {
        guard let token, !token.isEmpty else { return 0 }
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8), text.hasPrefix("ecsdash-sim:"),
              let offset = Int(text.dropFirst("ecsdash-sim:".count)), offset >= 0 else {
            throw .invalidParameter("The nextToken is invalid.")
        }
        return offset
    }
}
