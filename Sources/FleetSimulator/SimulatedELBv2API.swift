/// Elastic Load Balancing v2 over the query protocol: the target groups of web services and their targets' health.
package enum SimulatedELBv2API {
    package static let namespace = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"

    package static func respond(_ context: SimulatedRequestContext) throws(SimulatedFault) -> String {
        switch context.call.operation {
        case "DescribeTargetGroups": return try describeTargetGroups(context)
        case "DescribeTargetHealth": return try describeTargetHealth(context)
        default: throw SimulatedFault(code: "InvalidAction", message: "Could not find operation \(context.call.operation) for version 2015-12-01")
        }
    }

    private static func notFound() -> SimulatedFault {
        SimulatedFault(code: "TargetGroupNotFound", message: "One or more target groups not found")
    }

    private static func describeTargetGroups(_ context: SimulatedRequestContext) throws(SimulatedFault) -> String {
        let all = context.account?.targetGroups ?? []
        let arns = context.call.formList("TargetGroupArns")
        let names = context.call.formList("Names")
        var chosen = all
        if !arns.isEmpty || !names.isEmpty {
            chosen = all.filter { arns.contains($0.arn) || names.contains($0.name) }
            guard chosen.count == arns.count + names.count else { throw notFound() }
        }
        if let balancer = context.call.form["LoadBalancerArn"] {
            chosen = chosen.filter { $0.loadBalancerArn == balancer }
        }
        let size = Int(context.call.form["PageSize"] ?? "400") ?? 0
        guard (1...400).contains(size) else { throw SimulatedFault(code: "ValidationError", message: "Page size must be between 1 and 400") }
        let page = try context.page(chosen, size: size, tokenKey: "Marker")
        let members = page.items.map { group in
            "<member>" + SimulatedXML.element("TargetGroupArn", group.arn) + SimulatedXML.element("TargetGroupName", group.name)
                + SimulatedXML.element("Protocol", "HTTP") + SimulatedXML.element("Port", "8080")
                + SimulatedXML.element("VpcId", "vpc-0" + SimulatedRandom.hex(SimulatedRandom.hash(0, group.loadBalancerArn), count: 16))
                + SimulatedXML.element("HealthCheckProtocol", "HTTP") + SimulatedXML.element("HealthCheckPort", "traffic-port")
                + SimulatedXML.element("HealthCheckEnabled", "true") + SimulatedXML.element("HealthCheckIntervalSeconds", "15")
                + SimulatedXML.element("HealthCheckTimeoutSeconds", "5") + SimulatedXML.element("HealthyThresholdCount", "2")
                + SimulatedXML.element("UnhealthyThresholdCount", "2") + SimulatedXML.element("HealthCheckPath", "/health")
                + "<Matcher><HttpCode>200</HttpCode></Matcher>" + SimulatedXML.members("LoadBalancerArns", [group.loadBalancerArn])
                + SimulatedXML.element("TargetType", "ip") + SimulatedXML.element("ProtocolVersion", "HTTP1")
                + SimulatedXML.element("IpAddressType", "ipv4") + "</member>"
        }
        let result = "<TargetGroups>" + members.joined() + "</TargetGroups>" + SimulatedXML.element("NextMarker", page.next)
        return SimulatedXML.response(action: "DescribeTargetGroups", namespace: namespace, result: result, requestId: context.world.nextRequestId())
    }

    private static func describeTargetHealth(_ context: SimulatedRequestContext) throws(SimulatedFault) -> String {
        guard let arn = context.call.form["TargetGroupArn"] else {
            throw SimulatedFault(code: "ValidationError", message: "1 validation error detected: Value null at 'targetGroupArn' failed to satisfy constraint: Member must not be null")
        }
        guard let account = context.account, let group = account.targetGroups.first(where: { $0.arn == arn }),
              let service = account.service(group.serviceName) else { throw notFound() }
        // A task is a target from the moment it runs until its draining ends.
        let targets = service.tasks.filter { $0.startedAt != nil && !["STOPPING", "DEPROVISIONING", "STOPPED"].contains($0.lastStatus) }
        let members = targets.map { task -> String in
            let (state, reason, description): (String, String?, String?) = {
                if task.lastStatus == "DEACTIVATING" || !task.isLive {
                    return ("draining", "Target.DeregistrationInProgress", "Target deregistration is in progress")
                }
                switch task.healthStatus {
                case "HEALTHY": return ("healthy", nil, nil)
                case "UNHEALTHY": return ("unhealthy", "Target.ResponseCodeMismatch", "Health checks failed with these codes: [500]")
                default: return ("initial", "Elb.RegistrationInProgress", "Target registration is in progress")
                }
            }()
            return "<member>" + SimulatedXML.element("HealthCheckPort", "8080")
                + "<Target>" + SimulatedXML.element("Id", task.privateIP) + SimulatedXML.element("Port", "8080")
                + SimulatedXML.element("AvailabilityZone", task.availabilityZone) + "</Target>"
                + "<TargetHealth>" + SimulatedXML.element("State", state) + SimulatedXML.element("Reason", reason)
                + SimulatedXML.element("Description", description) + "</TargetHealth></member>"
        }
        let result = "<TargetHealthDescriptions>" + members.joined() + "</TargetHealthDescriptions>"
        return SimulatedXML.response(action: "DescribeTargetHealth", namespace: namespace, result: result, requestId: context.world.nextRequestId())
    }
}
