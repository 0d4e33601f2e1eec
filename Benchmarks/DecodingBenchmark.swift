import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

/// Decoding a DescribeTasks reply of 100 tasks (two containers each), the largest reply a poll handles.
enum DecodingBenchmark {
    struct DescribeTasksReply: Decodable {
        var tasks: [ECSTask]?
    }

    static let benchmark = Benchmark(name: "decode") {
        let body = Data(reply(tasks: 100).utf8)
        var decoded = 0
        let times = Timing.perIterationMicros(samples: 31, batch: 20) {
            decoded += (try? AWSJSON.decode(DescribeTasksReply.self, from: body, unit: .seconds).tasks?.count) ?? 0
        }
        precondition(decoded == 31 * 20 * 100, "every reply must decode fully")
        // The same reply again through a cache that has seen it: what a poll pays for tasks that did not change.
        let cache = DecodedElementCache<ECSTask>()
        let first = try? cache.decode(DescribeTasksReply.self, from: body, array: "tasks", at: \.tasks, unit: .seconds)
        precondition(first?.tasks?.count == 100, "the cached path must decode the reply")
        var reused = 0
        let warmTimes = Timing.perIterationMicros(samples: 31, batch: 20) {
            reused += (try? cache.decode(DescribeTasksReply.self, from: body, array: "tasks", at: \.tasks, unit: .seconds).tasks?.count) ?? 0
        }
        precondition(reused == 31 * 20 * 100 && cache.statistics.misses == 100, "every warm element must come from the cache")
        return [
            BenchmarkFigure(name: "decode_describe_tasks_100_median", unit: "us", value: BenchmarkStatistics.median(times), extra: ["bytes": String(body.count)]),
            BenchmarkFigure(name: "decode_describe_tasks_100_p90", unit: "us", value: BenchmarkStatistics.percentile(times, 0.9)),
            BenchmarkFigure(name: "decode_describe_tasks_100_unchanged_median", unit: "us", value: BenchmarkStatistics.median(warmTimes), extra: [
                "bytes": String(body.count), "how": "every task's bytes seen before: hash of its first bytes, SHA-256 of the element, cache look-up",
            ]),
        ]
    }

    /// A reply shaped like the ECS API reference's DescribeTasks example, with realistic field sizes.
    static func reply(tasks count: Int) -> String {
        let tasks = (0..<count).map { index -> String in
            let id = String(format: "%032x", index * 7919 + 1)
            let arn = "arn:aws:ecs:eu-west-1:555555555555:task/app-prod/\(id)"
            let container = { (name: String, digest: Int) in
                """
                {"containerArn":"arn:aws:ecs:eu-west-1:555555555555:container/app-prod/\(id)/\(name)","taskArn":"\(arn)","name":"\(name)",\
                "image":"111111111111.dkr.ecr.eu-west-1.amazonaws.com/myapp-\(name):prod","imageDigest":"sha256:\(String(format: "%064x", digest))",\
                "runtimeId":"\(id)-\(name)","lastStatus":"RUNNING","networkBindings":[],"networkInterfaces":[{"attachmentId":"a-\(id)","privateIpv4Address":"10.0.\(index % 250).\(index % 200)"}],\
                "healthStatus":"HEALTHY","cpu":"256","memory":"512"}
                """
            }
            return """
            {"taskArn":"\(arn)","clusterArn":"arn:aws:ecs:eu-west-1:555555555555:cluster/app-prod",\
            "taskDefinitionArn":"arn:aws:ecs:eu-west-1:555555555555:task-definition/prod-frontend:42","group":"service:svc-\(index % 10)",\
            "startedBy":"ecs-svc/1234567890123456789","lastStatus":"RUNNING","desiredStatus":"RUNNING","healthStatus":"HEALTHY",\
            "launchType":"FARGATE","cpu":"512","memory":"1024","createdAt":1790000000.123,"pullStartedAt":1790000003.456,\
            "pullStoppedAt":1790000010.789,"startedAt":1790000020.5,"connectivity":"CONNECTED","connectivityAt":1790000002.1,\
            "availabilityZone":"eu-west-1\(["a", "b", "c"][index % 3])","platformVersion":"1.4.0","version":3,\
            "attachments":[{"id":"a-\(id)","type":"ElasticNetworkInterface","status":"ATTACHED","details":[\
            {"name":"subnetId","value":"subnet-0123456789abcdef0"},{"name":"networkInterfaceId","value":"eni-0123456789abcdef0"},\
            {"name":"macAddress","value":"0a:1b:2c:3d:4e:5f"},{"name":"privateIPv4Address","value":"10.0.\(index % 250).\(index % 200)"}]}],\
            "containers":[\(container("frontend", index)),\(container("log-router", 99))],\
            "overrides":{"containerOverrides":[{"name":"frontend"},{"name":"log-router"}]},"tags":[]}
            """
        }
        return "{\"tasks\":[\(tasks.joined(separator: ","))],\"failures\":[]}"
    }
}
