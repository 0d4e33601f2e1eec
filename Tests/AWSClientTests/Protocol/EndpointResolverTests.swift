@testable import AWSClient
import XCTest

final class EndpointResolverTests: XCTestCase {
    func testDefaultsPerPartition() throws {
        let resolver = EndpointResolver()
        XCTAssertEqual(try resolver.endpoint(for: .ecs, region: "eu-west-1").baseURL, "https://ecs.eu-west-1.amazonaws.com")
        XCTAssertEqual(try resolver.endpoint(for: .ecr, region: "eu-west-1").baseURL, "https://api.ecr.eu-west-1.amazonaws.com")
        XCTAssertEqual(try resolver.endpoint(for: .cloudWatchLogs, region: "us-east-2").host, "logs.us-east-2.amazonaws.com")
        XCTAssertEqual(try resolver.endpoint(for: .sts, region: "cn-north-1").host, "sts.cn-north-1.amazonaws.com.cn")
        XCTAssertEqual(try resolver.endpoint(for: .ecs, region: "us-gov-west-1").host, "ecs.us-gov-west-1.amazonaws.com")
        XCTAssertEqual(try resolver.endpoint(for: .elbv2, region: "ap-south-1").host, "elasticloadbalancing.ap-south-1.amazonaws.com")
        XCTAssertEqual(EndpointResolver.partition(forRegion: "cn-northwest-1"), "aws-cn")
        XCTAssertEqual(EndpointResolver.partition(forRegion: "us-gov-east-1"), "aws-us-gov")
        XCTAssertEqual(EndpointResolver.partition(forRegion: "eu-central-1"), "aws")
    }

    func testOverridePrecedence() throws {
        let environment = ["AWS_ENDPOINT_URL": "http://127.0.0.1:4000", "AWS_ENDPOINT_URL_ECS": "http://127.0.0.1:4001"]
        let fromEnvironment = EndpointResolver(environment: environment, profileEndpoint: "http://127.0.0.1:4002")
        XCTAssertEqual(try fromEnvironment.endpoint(for: .ecs, region: "eu-west-1").baseURL, "http://127.0.0.1:4001")
        XCTAssertEqual(try fromEnvironment.endpoint(for: .ecr, region: "eu-west-1").baseURL, "http://127.0.0.1:4000")
        let explicit = EndpointResolver(explicitOverride: "http://localhost:5000/", environment: environment)
        XCTAssertEqual(try explicit.endpoint(for: .ecs, region: "eu-west-1").hostHeader, "localhost:5000")
        let profileOnly = EndpointResolver(profileEndpoint: "https://proxy.example.com:8443")
        XCTAssertEqual(try profileOnly.endpoint(for: .sts, region: "eu-west-1").hostHeader, "proxy.example.com:8443")
        let ignored = EndpointResolver(environment: environment.merging(["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"]) { $1 })
        XCTAssertEqual(try ignored.endpoint(for: .ecs, region: "eu-west-1").host, "ecs.eu-west-1.amazonaws.com")
        let logs = EndpointResolver(environment: ["AWS_ENDPOINT_URL_CLOUDWATCH_LOGS": "http://127.0.0.1:9"])
        XCTAssertEqual(try logs.endpoint(for: .cloudWatchLogs, region: "eu-west-1").port, 9)
    }

    func testInvalidOverrideIsNamed() {
        let resolver = EndpointResolver(environment: ["AWS_ENDPOINT_URL_ECS": "ftp://nope"])
        XCTAssertThrowsError(try resolver.endpoint(for: .ecs, region: "eu-west-1")) { error in
            XCTAssertEqual("\(error)", "AWS_ENDPOINT_URL_ECS is not a valid endpoint URL: ftp://nope")
        }
    }

    func testDefaultPortsAreLeftOutOfTheHostHeader() {
        XCTAssertEqual(Endpoint(url: "https://h.example.com:443")?.hostHeader, "h.example.com")
        XCTAssertEqual(Endpoint(url: "http://h.example.com:80")?.hostHeader, "h.example.com")
        XCTAssertEqual(Endpoint(url: "http://h.example.com:8080")?.hostHeader, "h.example.com:8080")
        XCTAssertNil(Endpoint(url: "http://:80"))
        XCTAssertNil(Endpoint(url: "http://h:99999"))
    }
}
