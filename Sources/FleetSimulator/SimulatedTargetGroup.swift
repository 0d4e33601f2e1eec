/// An ELBv2 target group that one service registers its tasks' IPs with.
package struct SimulatedTargetGroup: Sendable {
    package var name: String
    package var arn: String
    package var serviceName: String
    package var loadBalancerArn: String
}
