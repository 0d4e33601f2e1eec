@testable import AWSClient
import Foundation
import XCTest

/// Reusing decoded elements whose bytes have not changed, and decoding those that have.
final class DecodedElementCacheTests: XCTestCase {
    /// A reply shaped like DescribeTasks.
    private struct Reply: Decodable, Equatable {
        var tasks: [Item]?
        var failures: [String]?
    }

    /// An element that counts how often it is really decoded.
    private struct Item: Decodable, Equatable, Sendable {
        let id: String
        let status: String
        let padding: String

        nonisolated(unsafe) static var decodes = 0

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            status = try container.decode(String.self, forKey: .status)
            padding = try container.decode(String.self, forKey: .padding)
            Self.decodes += 1
        }

        private enum CodingKeys: String, CodingKey { case id, status, padding }
    }

    /// Elements long enough to be remembered (the prefix that picks candidates is 192 bytes).
    private func reply(_ items: [(id: String, status: String)], failures: [String] = []) -> Data {
        let padding = String(repeating: "p", count: ElementRecognizer.prefixLength)
        let elements = items.map { #"{"id":"\#($0.id)","padding":"\#(padding)","status":"\#($0.status)"}"# }
        let failureList = failures.map { "\"\($0)\"" }.joined(separator: ",")
        return Data(#"{"failures":[\#(failureList)],"tasks":[\#(elements.joined(separator: ","))]}"#.utf8)
    }

    private func decode(_ data: Data, with cache: DecodedElementCache<Item>) throws -> Reply {
        try cache.decode(Reply.self, from: data, array: "tasks", at: \.tasks, unit: .seconds)
    }

    override func setUp() {
        Item.decodes = 0
    }

    func testUnchangedElementsAreReusedAndChangedOnesDecoded() throws {
        let cache = DecodedElementCache<Item>()
        let first = try decode(reply([("a", "RUNNING"), ("b", "RUNNING"), ("c", "PENDING")], failures: ["gone"]), with: cache)
        XCTAssertEqual(first, try AWSJSON.decode(Reply.self, from: reply([("a", "RUNNING"), ("b", "RUNNING"), ("c", "PENDING")], failures: ["gone"]), unit: .seconds))
        XCTAssertEqual(first.failures, ["gone"])
        Item.decodes = 0

        cache.startGeneration()
        // b is unchanged, a moved to another position, c changed, d is new.
        let second = try decode(reply([("b", "RUNNING"), ("c", "RUNNING"), ("a", "RUNNING"), ("d", "PENDING")]), with: cache)
        XCTAssertEqual(second.tasks?.map(\.id), ["b", "c", "a", "d"])
        XCTAssertEqual(second.tasks?.map(\.status), ["RUNNING", "RUNNING", "RUNNING", "PENDING"])
        XCTAssertEqual(second.failures, [])
        XCTAssertEqual(Item.decodes, 2, "only the changed and the new element are decoded")
        XCTAssertEqual(cache.statistics.hits, 2)
        XCTAssertEqual(cache.statistics.misses, 5)
    }

    /// The rest of a reply (its failures) is taken from a reply cache while its bytes are unchanged.
    func testTheRestOfAReplyIsReusedThroughARemaindersCache() throws {
        let cache = DecodedElementCache<Item>()
        let remainders = DecodedReplyCache()
        func decode(_ data: Data) throws -> Reply {
            try cache.decode(Reply.self, from: data, array: "tasks", at: \.tasks, unit: .seconds, remainders: remainders)
        }
        let first = try decode(reply([("a", "RUNNING")], failures: ["gone"]))
        let second = try decode(reply([("a", "STOPPED")], failures: ["gone"]))
        XCTAssertEqual(first.failures, ["gone"])
        XCTAssertEqual(second.failures, ["gone"])
        XCTAssertEqual(second.tasks?.map(\.status), ["STOPPED"], "the element changed; the rest did not")
        XCTAssertEqual(remainders.statistics.hits, 1)
        let third = try decode(reply([("a", "STOPPED")], failures: ["other"]))
        XCTAssertEqual(third.failures, ["other"])
        XCTAssertEqual(remainders.statistics.misses, 2)
    }

    func testWhatTwoGenerationsDidNotSeeIsForgotten() throws {
        let cache = DecodedElementCache<Item>()
        _ = try decode(reply([("a", "RUNNING"), ("b", "RUNNING")]), with: cache)
        cache.startGeneration()
        _ = try decode(reply([("a", "RUNNING")]), with: cache)
        XCTAssertEqual(cache.count, 2, "a seen now, b by the last refresh")
        cache.startGeneration()
        XCTAssertEqual(cache.count, 1, "b was not seen by the last refresh")
        Item.decodes = 0
        _ = try decode(reply([("a", "RUNNING"), ("b", "RUNNING")]), with: cache)
        XCTAssertEqual(Item.decodes, 1, "b is decoded again")
    }

    /// A reply that recurs whole keeps its elements alive, so when it finally changes only the changed
    /// element is decoded, however many generations it was reused whole.
    func testAReplyReusedWholeKeepsItsElementsForTheDayItChanges() throws {
        let cache = DecodedElementCache<Item>()
        let steady = reply([("a", "RUNNING"), ("b", "RUNNING")])
        _ = try decode(steady, with: cache)
        for _ in 0..<3 {
            cache.startGeneration()
            XCTAssertEqual(try decode(steady, with: cache).tasks?.map(\.status), ["RUNNING", "RUNNING"])
        }
        XCTAssertEqual(Item.decodes, 2, "reused whole three times")
        XCTAssertEqual(cache.statistics.hits, 6, "each reuse counts its elements")
        cache.startGeneration()
        let changed = try decode(reply([("a", "RUNNING"), ("b", "STOPPED")]), with: cache)
        XCTAssertEqual(changed.tasks?.map(\.status), ["RUNNING", "STOPPED"])
        XCTAssertEqual(Item.decodes, 3, "only b is decoded")
    }

    func testShortElementsAndRepliesWithoutTheArrayDecodeAsUsual() throws {
        let cache = DecodedElementCache<Item>()
        let short = Data(#"{"tasks":[{"id":"a","status":"RUNNING","padding":""}]}"#.utf8)
        XCTAssertEqual(try decode(short, with: cache).tasks?.map(\.id), ["a"])
        XCTAssertEqual(try decode(short, with: cache).tasks?.map(\.id), ["a"])
        XCTAssertEqual(Item.decodes, 1, "the same reply again is reused whole")
        let other = Data(#"{"tasks":[{"id":"a","status":"RUNNING","padding":""}],"failures":[]}"#.utf8)
        XCTAssertEqual(try decode(other, with: cache).tasks?.map(\.id), ["a"])
        XCTAssertEqual(Item.decodes, 2, "an element shorter than the prefix is not remembered on its own")
        XCTAssertNil(try decode(Data(#"{"failures":["x"]}"#.utf8), with: cache).tasks)
    }

    func testABadChangedElementFailsLikeAPlainDecode() throws {
        let cache = DecodedElementCache<Item>()
        _ = try decode(reply([("a", "RUNNING")]), with: cache)
        let broken = Data(#"{"tasks":[{"id":"a","status":7,"padding":""}]}"#.utf8)
        XCTAssertThrowsError(try decode(broken, with: cache))
        XCTAssertThrowsError(try decode(Data(#"{"tasks":[{"id":"a""#.utf8), with: cache))
    }

    func testRecordedDescribeTasksReplyDecodesTheSameThroughTheCache() throws {
        struct TasksReply: Decodable, Equatable {
            var tasks: [ECSTask]?
            var failures: [ECSFailure]?
        }
        let body = try AWSFixture("ecs/DescribeTasks").response.body
        let plain = try AWSJSON.decode(TasksReply.self, from: body, unit: .seconds)
        let cache = DecodedElementCache<ECSTask>()
        XCTAssertEqual(try cache.decode(TasksReply.self, from: body, array: "tasks", at: \.tasks, unit: .seconds), plain)
        cache.startGeneration()
        XCTAssertEqual(try cache.decode(TasksReply.self, from: body, array: "tasks", at: \.tasks, unit: .seconds), plain)
        XCTAssertEqual(cache.statistics.hits, plain.tasks?.count)
    }
}
