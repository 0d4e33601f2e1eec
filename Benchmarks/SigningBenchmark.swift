import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

/// Signing a typical ECS DescribeServices request with temporary credentials (session token included).
enum SigningBenchmark {
    static let benchmark = Benchmark(name: "sigv4") {
        let credentials = Credentials(
            accessKeyId: "ASIAEXAMPLEEXAMPLE12",
            secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            sessionToken: String(repeating: "IQoJb3JpZ2luX2VjEXAMPLETOKEN", count: 30),
            expiration: nil
        )
        let services = (1...10).map { "\"service-\($0)\"" }.joined(separator: ",")
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/x-amz-json-1.1")
        headers.add("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.DescribeServices")
        let template = HTTPRequest(
            method: "POST", endpoint: Endpoint(host: "ecs.eu-west-1.amazonaws.com"), path: "/", headers: headers,
            body: Data("{\"cluster\":\"app-prod\",\"services\":[\(services)],\"include\":[\"TAGS\"]}".utf8)
        )
        let signer = SigV4Signer(credentials: credentials, region: "eu-west-1", service: "ecs")
        let date = Date(timeIntervalSince1970: 1_790_000_000)
        var sink = 0
        let times = Timing.perIterationMicros(samples: 41, batch: 2000) {
            var request = template
            signer.sign(&request, date: date)
            sink &+= request.headers.fields.count
        }
        precondition(sink > 0)
        return [
            BenchmarkFigure(name: "sigv4_sign_ecs_describe_services_median", unit: "us", value: BenchmarkStatistics.median(times)),
            BenchmarkFigure(name: "sigv4_sign_ecs_describe_services_p90", unit: "us", value: BenchmarkStatistics.percentile(times, 0.9)),
        ]
    }
}
