import Foundation
import XCTest
@testable import AWSClient

/// Reusing a decoded reply while its bytes are unchanged, through the cache and through a poller's client.
final class DecodedReplyCacheTests: XCTestCase {
    private struct Page: Decodable, Equatable, Sendable {
        var taskArns: [String]
        var nextToken: String?
    }

    /// Decodes `text` through `cache`, counting real decodes.
    private func decode<Output: Decodable & Sendable>(_ text: String, as type: Output.Type, in cache: DecodedReplyCache,
                                                      decodes: inout Int) throws -> Output {
        let data = Data(text.utf8)
        return try data.withUnsafeBytes { bytes in
            try cache.value(of: bytes, as: type) {
                decodes += 1
                return try JSONDecoder().decode(type, from: data)
            }
        }
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
        var context = AWSClientContext(region: "eu-west-1", credentials: StaticCredentialProvider.test, transport: transport, clock: ManualClock())
        let cache = DecodedReplyCache()
        context.replyCache = cache
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
        var context = AWSClientContext(region: "eu-west-1", credentials: StaticCredentialProvider.test, transport: transport, clock: ManualClock())
        let cache = DecodedReplyCache()
        context.replyCache = cache
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
}
