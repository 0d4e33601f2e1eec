@testable import AWSClient
import Foundation
import TestSupport
import XCTest

/// Reusing a decoded reply while its bytes are unchanged, through the cache and through a poller's client.
final class DecodedReplyCacheTests: XCTestCase {
    private struct Page: Decodable, Equatable, Sendable {
        var taskArns: [String]
        var nextToken: String?

        /// The shape list pages have on the wire, where the list may be absent.
        var taskArnsOrNil: [String]? {
            get { taskArns }
            set { taskArns = newValue ?? [] }
        }
    }

    /// Decodes `text` through `cache`, counting real decodes.
    private func decode<Output: Decodable & Sendable>(_ text: String, as type: Output.Type, in cache: DecodedReplyCache,
                                                      decodes: inout Int) throws -> Output {
        let data = Data(text.utf8)
        return try data.withUnsafeBytes { bytes in
            try cache.value(of: bytes, as: type, unit: .seconds) {
                decodes += 1
                return try JSONDecoder().decode(type, from: data)
            }
        }
    }

    /// A context with a reply cache, as a poller's has, and the cache.
    private func pollerContext(_ transport: ScriptedTransport) -> (AWSClientContext, DecodedReplyCache) {
        var context = AWSClientContext(region: "eu-west-1", credentials: StaticCredentialProvider.test, transport: transport, clock: ManualClock())
        let cache = DecodedReplyCache()
        context.replyCache = cache
        return (context, cache)
    }

    func testTheSameBytesAreDecodedOnceAndOtherBytesAgain() throws {
        let cache = DecodedReplyCache()
        var decodes = 0
        let first = try decode(#"{"taskArns":["a","b"]}"#, as: Page.self, in: cache, decodes: &decodes)
        let again = try decode(#"{"taskArns":["a","b"]}"#, as: Page.self, in: cache, decodes: &decodes)
        XCTAssertEqual(first, again)
        XCTAssertEqual(decodes, 1)
        let changed = try decode(#"{"taskArns":["a","c"]}"#, as: Page.self, in: cache, decodes: &decodes)
        XCTAssertEqual(changed.taskArns, ["a", "c"])
        XCTAssertEqual(decodes, 2)
        XCTAssertEqual(cache.statistics.hits, 1)
        XCTAssertEqual(cache.statistics.misses, 2)
    }

    /// The same bytes asked for as another type are that type's own entry, never a cast of the other.
    func testTheTypeIsPartOfTheKey() throws {
        struct Tokens: Decodable, Equatable, Sendable { var nextToken: String? }
        let cache = DecodedReplyCache()
        var decodes = 0
        let text = #"{"taskArns":[],"nextToken":"t"}"#
        _ = try decode(text, as: Page.self, in: cache, decodes: &decodes)
        let tokens = try decode(text, as: Tokens.self, in: cache, decodes: &decodes)
        XCTAssertEqual(tokens, Tokens(nextToken: "t"))
        XCTAssertEqual(decodes, 2)
    }

    func testAReplyUnseenForTwoGenerationsIsForgotten() throws {
        let cache = DecodedReplyCache()
        var decodes = 0
        let text = #"{"taskArns":["a"]}"#
        _ = try decode(text, as: Page.self, in: cache, decodes: &decodes)
        cache.startGeneration()
        _ = try decode(text, as: Page.self, in: cache, decodes: &decodes)
        XCTAssertEqual(decodes, 1, "seen in the last generation: carried over")
        cache.startGeneration()
        cache.startGeneration()
        _ = try decode(text, as: Page.self, in: cache, decodes: &decodes)
        XCTAssertEqual(decodes, 2, "unseen for a whole generation: forgotten")
    }

    func testAFailedDecodeIsNotRemembered() {
        let cache = DecodedReplyCache()
        var decodes = 0
        for _ in 0..<2 {
            XCTAssertThrowsError(try decode(#"{"taskArns":"#, as: Page.self, in: cache, decodes: &decodes))
        }
        XCTAssertEqual(decodes, 2)
    }

    /// Through a client: target health replies that differ only in AWS's request id are one result, parsed
    /// once; a changed result is read afresh; a client without the cache reads every reply.
    func testQueryResultsAreReusedAcrossRequestIds() async throws {
        func reply(_ state: String, requestId: String) -> HTTPResponse {
            ScriptedTransport.json(200, """
            <DescribeTargetHealthResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
              <DescribeTargetHealthResult><TargetHealthDescriptions><member>
                <Target><Id>10.0.0.1</Id><Port>8080</Port></Target><TargetHealth><State>\(state)</State></TargetHealth>
              </member></TargetHealthDescriptions></DescribeTargetHealthResult>
              <ResponseMetadata><RequestId>\(requestId)</RequestId></ResponseMetadata>
            </DescribeTargetHealthResponse>
            """)
        }
        let transport = ScriptedTransport(responses: [reply("healthy", requestId: "r-1"), reply("healthy", requestId: "r-2"),
                                                      reply("draining", requestId: "r-3")])
        let (context, cache) = pollerContext(transport)
        let elb = ELBv2Client(context: context)
        let first = try await elb.describeTargetHealth(targetGroupArn: "arn:tg")
        let second = try await elb.describeTargetHealth(targetGroupArn: "arn:tg")
        let third = try await elb.describeTargetHealth(targetGroupArn: "arn:tg")
        XCTAssertEqual(first.map(\.state), ["healthy"])
        XCTAssertEqual(second, first)
        XCTAssertEqual(third.map(\.state), ["draining"])
        XCTAssertEqual(cache.statistics.hits, 1)
        XCTAssertEqual(cache.statistics.misses, 2)
    }

    /// A list page whose token changed but whose list did not: the list is reused, the token read afresh.
    func testAPageTokenChangeDoesNotUndoReuseOfTheList() async throws {
        let transport = ScriptedTransport(responses: [
            ScriptedTransport.json(200, #"{"taskArns":["arn:a","arn:b"],"nextToken":"t1"}"#),
            ScriptedTransport.json(200, #"{"taskArns":["arn:c"]}"#),
            ScriptedTransport.json(200, #"{"taskArns":["arn:a","arn:b"],"nextToken":"t9"}"#),
            ScriptedTransport.json(200, #"{"taskArns":["arn:c"]}"#),
        ])
        let (context, cache) = pollerContext(transport)
        let ecs = ECSClient(context: context)
        let first = try await ecs.listTasks(cluster: "dev")
        let second = try await ecs.listTasks(cluster: "dev")
        XCTAssertEqual(first, ["arn:a", "arn:b", "arn:c"])
        XCTAssertEqual(second, first)
        let lastBody = String(decoding: try XCTUnwrap(transport.requests.last).body, as: UTF8.self)
        XCTAssertTrue(lastBody.contains(#""nextToken":"t9""#), lastBody)
        // First listing: each page's list and rest decoded. Second: only the first page's rest (its new token).
        XCTAssertEqual(cache.statistics.misses, 5)
        XCTAssertEqual(cache.statistics.hits, 3)
    }

    /// A list page inside a larger buffer (a Data slice that does not start at zero) is keyed by its own bytes.
    func testAListPageInADataSliceIsReadFromItsOwnBytes() throws {
        let cache = DecodedReplyCache()
        let whole = Data(#"xx{"taskArns":["a","b"],"nextToken":"t"}yy"#.utf8)
        let slice = whole[2..<(whole.count - 2)]
        for _ in 0..<2 {
            let page = try cache.decode(Page.self, from: slice, array: "taskArns", at: \.taskArnsOrNil, unit: .seconds)
            XCTAssertEqual(page.taskArnsOrNil, ["a", "b"])
            XCTAssertEqual(page.nextToken, "t")
        }
        XCTAssertEqual(cache.statistics.hits, 2, "the list and the rest, the second time")
    }

    /// The same bytes read with another timestamp unit are another value.
    func testTheTimestampUnitIsPartOfTheKey() throws {
        struct Stamp: Decodable, Sendable { var at: Date }
        let cache = DecodedReplyCache()
        let data = Data(#"{"at":1790000000000}"#.utf8)
        let inMilliseconds = try data.withUnsafeBytes { bytes in
            try cache.value(of: bytes, as: Stamp.self, unit: .milliseconds) { try AWSJSON.decode(Stamp.self, from: data, unit: .milliseconds) }
        }
        let inSeconds = try data.withUnsafeBytes { bytes in
            try cache.value(of: bytes, as: Stamp.self, unit: .seconds) { try AWSJSON.decode(Stamp.self, from: data, unit: .seconds) }
        }
        XCTAssertEqual(inMilliseconds.at.timeIntervalSince1970, 1_790_000_000, accuracy: 1)
        XCTAssertNotEqual(inSeconds.at, inMilliseconds.at)
    }

    /// A bad element in a list page is reported with the path to it, as a plain decode would.
    func testABadListElementNamesItsField() {
        let cache = DecodedReplyCache()
        let data = Data(#"{"taskArns":["a",5]}"#.utf8)
        XCTAssertThrowsError(try cache.decode(Page.self, from: data, array: "taskArns", at: \.taskArnsOrNil, unit: .seconds)) { error in
            XCTAssertTrue(AWSJSON.describe(error).contains("taskArns"), AWSJSON.describe(error))
        }
    }

    /// Only calls that say their reply is reusable use the context's cache: a poll's pipeline state does, a
    /// read of log events does not.
    func testOnlyReusableCallsUseTheCache() async throws {
        let state = #"{"pipelineName":"web","stageStates":[{"stageName":"Source"}]}"#
        let events = #"{"events":[{"timestamp":1790000000000,"message":"hello"}],"nextForwardToken":"f/1"}"#
        let transport = ScriptedTransport { request, _ in
            let target = request.headers["X-Amz-Target"] ?? ""
            return ScriptedTransport.json(200, target.hasSuffix("GetPipelineState") ? state : events)
        }
        let (context, cache) = pollerContext(transport)
        let logs = CloudWatchLogsClient(context: context)
        for _ in 0..<2 {
            _ = try await logs.getLogEvents(CloudWatchGetLogEventsRequest(logGroupName: "/ecs/web", logStreamName: "web/app/1"))
        }
        XCTAssertEqual(cache.count, 0)
        let pipelines = CodePipelineClient(context: context)
        let first = try await pipelines.getPipelineState(name: "web")
        let second = try await pipelines.getPipelineState(name: "web")
        XCTAssertEqual(first, second)
        XCTAssertEqual(first.stageStates?.first?.stageName, "Source")
        XCTAssertEqual(cache.statistics.hits, 1)
        XCTAssertEqual(cache.count, 1)
    }

    func testAQueryReplyWithoutItsResultIsAnErrorWithTheCacheOn() async {
        let transport = ScriptedTransport(responses: [ScriptedTransport.json(200, "<DescribeTargetHealthResponse><Other/></DescribeTargetHealthResponse>")])
        let (context, _) = pollerContext(transport)
        do {
            _ = try await ELBv2Client(context: context).describeTargetHealth(targetGroupArn: "arn:tg")
            XCTFail("expected an error")
        } catch let error as AWSError {
            XCTAssertEqual(error.code, "DeserializationError")
            XCTAssertEqual(error.operation, "DescribeTargetHealth")
        } catch {
            XCTFail("unexpected \(error)")
        }
    }
}
