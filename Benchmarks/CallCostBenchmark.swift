import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

/// The client's own cost of one call of each kind a poll makes (encode, sign, decode, map), against a
/// transport that answers at once with a fixed reply, so no simulator or network time is in the figure.
enum CallCostBenchmark {
    /// Answers every request with the same reply.
    private final class FixedReply: HTTPTransport, Sendable {
        let body: Data

        init(_ body: String) {
            self.body = Data(body.utf8)
        }

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            HTTPResponse(status: 200, headers: HTTPHeaders(), body: body)
        }
    }

    static let benchmark = Benchmark(name: "calls", lines: { await figures().map(\.jsonLine) })

    private static func figures() async -> [BenchmarkFigure] {
        let arns = (0..<100).map { "\"arn:aws:ecs:eu-west-1:555555555555:task/app-prod/\(String(format: "%032x", $0))\"" }
        let listTasks = ECSClient(context: context(replying: "{\"taskArns\":[\(arns.joined(separator: ","))]}"))
        let describeTasks = ECSClient(context: context(replying: DecodingBenchmark.reply(tasks: 100)))
        let targetHealth = ELBv2Client(context: context(replying: targetHealthReply(targets: 10)))
        // A poller's clients keep a reply cache: an unchanged page or target health is not decoded again.
        let polledListTasks = ECSClient(context: context(replying: "{\"taskArns\":[\(arns.joined(separator: ","))]}", replies: DecodedReplyCache()))
        let polledTargetHealth = ELBv2Client(context: context(replying: targetHealthReply(targets: 10), replies: DecodedReplyCache()))
        let taskIds = (0..<100).map { String(format: "%032x", $0) }
        let cache = DecodedElementCache<ECSTask>()
        let group = "arn:aws:elasticloadbalancing:eu-west-1:555555555555:targetgroup/frontend/73e2d6bc24d8a067"
        return [
            await figure("call_list_tasks_100_median", "ListTasks, one page of 100 ARNs") {
                _ = try await listTasks.listTasks(cluster: "app-prod")
            },
            await figure("call_describe_tasks_100_unchanged_median", "DescribeTasks of 100 tasks all seen before (decode cache warm)") {
                _ = try await describeTasks.describeTasks(cluster: "app-prod", tasks: taskIds, reusing: cache)
            },
            await figure("call_describe_target_health_10_median", "DescribeTargetHealth of a group with 10 targets (query protocol, XML)") {
                _ = try await targetHealth.describeTargetHealth(targetGroupArn: group)
            },
            await figure("call_list_tasks_100_unchanged_median", "ListTasks, one page of 100 ARNs seen before (reply cache warm)") {
                _ = try await polledListTasks.listTasks(cluster: "app-prod")
            },
            await figure("call_describe_target_health_10_unchanged_median", "DescribeTargetHealth of 10 targets seen before (reply cache warm)") {
                _ = try await polledTargetHealth.describeTargetHealth(targetGroupArn: group)
            },
        ]
    }

    private static func context(replying body: String, replies: DecodedReplyCache? = nil) -> AWSClientContext {
        let credentials = StaticCredentialProvider(Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: "token"))
        var context = AWSClientContext(region: "eu-west-1", credentials: credentials, transport: FixedReply(body))
        context.replyCache = replies
        return context
    }

    /// Median process CPU per call over 15 batches of 100 calls, after 50 to warm up.
    private static func figure(_ name: String, _ what: String, _ call: () async throws -> Void) async -> BenchmarkFigure {
        for _ in 0..<50 {
            do { try await call() } catch { preconditionFailure("\(name): the fixed reply must decode: \(error)") }
        }
        var perCall: [Double] = []
        for _ in 0..<15 {
            let start = cpuNanoseconds()
            for _ in 0..<100 { try? await call() }
            perCall.append(Double(cpuNanoseconds() - start) / 100 / 1000)
        }
        return BenchmarkFigure(name: name, unit: "us", value: BenchmarkStatistics.median(perCall.sorted()), extra: ["what": what, "how": "process CPU time per call"])
    }

    private static func cpuNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    private static func targetHealthReply(targets: Int) -> String {
        let members = (0..<targets).map { index in
            "<member><HealthCheckPort>8080</HealthCheckPort><TargetHealth><State>healthy</State></TargetHealth>"
                + "<Target><Port>8080</Port><Id>10.0.1.\(index)</Id><AvailabilityZone>eu-west-1a</AvailabilityZone></Target></member>"
        }
        return "<DescribeTargetHealthResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\"><DescribeTargetHealthResult>"
            + "<TargetHealthDescriptions>\(members.joined())</TargetHealthDescriptions></DescribeTargetHealthResult>"
            + "<ResponseMetadata><RequestId>c534f810-f389-11e5-9192-3fff33344cfa</RequestId></ResponseMetadata></DescribeTargetHealthResponse>"
    }
}
