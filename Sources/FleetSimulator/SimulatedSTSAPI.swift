/// STS over the query protocol: GetCallerIdentity, and AssumeRole into the demo accounts' two roles.
package enum SimulatedSTSAPI {
    package static let namespace = "https://sts.amazonaws.com/doc/2011-06-15/"

    package static func respond(_ context: SimulatedRequestContext) throws(SimulatedFault) -> String {
        switch context.call.operation {
        case "GetCallerIdentity":
            let identity = context.identity
            let result = SimulatedXML.element("Arn", identity.arn) + SimulatedXML.element("UserId", identity.userId)
                + SimulatedXML.element("Account", identity.account)
            return SimulatedXML.response(action: "GetCallerIdentity", namespace: namespace, result: result, requestId: context.world.nextRequestId())
        case "AssumeRole":
            return try assumeRole(context)
        default:
            throw SimulatedFault(code: "InvalidAction", message: "Could not find operation \(context.call.operation) for version 2011-06-15")
        }
    }

    private static func assumeRole(_ context: SimulatedRequestContext) throws(SimulatedFault) -> String {
        let form = context.call.form
        guard let roleArn = form["RoleArn"] else { throw SimulatedFault(code: "MissingParameter", message: "The request must contain the parameter RoleArn") }
        guard let session = form["RoleSessionName"] else {
            throw SimulatedFault(code: "MissingParameter", message: "The request must contain the parameter RoleSessionName")
        }
        guard (2...64).contains(session.count), session.allSatisfy({ $0.isLetter || $0.isNumber || "+=,.@_-".contains($0) }) else {
            throw SimulatedFault(code: "ValidationError", message: "1 validation error detected: Value '\(session)' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*")
        }
        let duration = Int(form["DurationSeconds"] ?? "3600") ?? 0
        guard (900...3600).contains(duration) else {
            throw SimulatedFault(code: "ValidationError", message: "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")
        }
        let parts = roleArn.split(separator: ":", omittingEmptySubsequences: false)
        let knownAccounts = Set(SimulatedFleet.environmentAccounts.values).union([SimulatedFleet.registryAccount])
        let roleNames = [SimulatedFleet.readOnlyRoleName, SimulatedFleet.deployRoleName]
        guard parts.count == 6, parts[0] == "arn", parts[2] == "iam", knownAccounts.contains(String(parts[4])),
              parts[5].hasPrefix("role/"), roleNames.contains(String(parts[5].dropFirst("role/".count))) else {
            throw .accessDenied(principal: context.identity.arn, action: "sts:AssumeRole", resource: roleArn, code: "AccessDenied")
                .with(status: 403)
        }
        let account = String(parts[4])
        let role = String(parts[5].dropFirst("role/".count))
        let keys = context.world.issueKeys()
        let roleId = "AROA" + SimulatedRandom.hex(SimulatedRandom.hash(context.world.seed, account, role), count: 16).uppercased()
        let assumedArn = "arn:aws:sts::\(account):assumed-role/\(role)/\(session)"
        let expiration = (context.now + Double(duration)).rounded(.down)
        context.world.identities = context.world.identities.filter { ($0.value.expiration ?? .infinity) > context.now }
        context.world.identities[keys.accessKeyId] = SimulatedIdentity(
            account: account, arn: assumedArn, userId: "\(roleId):\(session)", roleName: role, secretAccessKey: keys.secret,
            sessionToken: keys.token, expiration: expiration)
        let credentials = "<Credentials>" + SimulatedXML.element("AccessKeyId", keys.accessKeyId) + SimulatedXML.element("SecretAccessKey", keys.secret)
            + SimulatedXML.element("SessionToken", keys.token) + SimulatedXML.element("Expiration", SimulatedTime.iso8601(expiration)) + "</Credentials>"
        let user = "<AssumedRoleUser>" + SimulatedXML.element("AssumedRoleId", "\(roleId):\(session)") + SimulatedXML.element("Arn", assumedArn)
            + "</AssumedRoleUser>"
        return SimulatedXML.response(action: "AssumeRole", namespace: namespace, result: credentials + user, requestId: context.world.nextRequestId())
    }
}
