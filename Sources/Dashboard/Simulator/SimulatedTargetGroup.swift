/// An ELBv2 target group that one service registers its tasks' IPs with.
struct SimulatedTargetGroup: Sendable {
    var name: String
    var arn: String
    var serviceName: String
    var loadBalancerArn: String
}
