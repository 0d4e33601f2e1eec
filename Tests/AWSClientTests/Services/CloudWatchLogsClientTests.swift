@testable import AWSClient
import Foundation
import XCTest

/// CloudWatchLogsClient against recorded exchanges: millisecond times, tailing tokens, paging.
final class CloudWatchLogsClientTests: XCTestCase {
    private func client(_ transport: ScriptedTransport) -> CloudWatchLogsClient {
        CloudWatchLogsClient(context: AWSFixture.context(transport))
    }

    private let group = "/ecs/app-dev/frontend"
    private let stream = "ecs/frontend/0123456789abcdef0123456789abcdef"

    func testGetLogEventsSendsMillisecondsAndReadsMillisecondTimestamps() async throws {
        let fixture = try AWSFixture("logs/GetLogEvents")
        let transport = ScriptedTransport(responses: [fixture.response])
        let page = try await client(transport).getLogEvents(CloudWatchGetLogEventsRequest(
            logGroupName: group, logStreamName: stream, startFromHead: true, limit: 100, startTime: Date(timeIntervalSince1970: 1_700_000_000)))
        try fixture.assertMatches(transport.requests.first)
        XCTAssertEqual(page.events.compactMap(\.message), ["starting frontend (image tag dev)", "listening on :8080"])
        XCTAssertEqual(page.events[0].timestamp?.timeIntervalSince1970 ?? 0, 1_700_000_001.234, accuracy: 1e-6)
        XCTAssertEqual(page.events[0].ingestionTime?.timeIntervalSince1970 ?? 0, 1_700_000_001.5, accuracy: 1e-6)
        XCTAssertEqual(page.nextForwardToken, "f/37946301953290716342538752651284213547329380716240896000")
        XCTAssertEqual(page.nextBackwardToken, "b/37946301953267011498372398349582317529829893125230592000")
        XCTAssertFalse(page.caughtUp)
    }

    func testTheSameForwardTokenBackMeansCaughtUpNotAnError() async throws {
        let token = "f/37946301953290716342538752651284213547329380716240896000"
        let transport = ScriptedTransport(responses: [
            AWSFixture.reply(["events": [["timestamp": 1_700_000_009_000, "message": "one more"]], "nextForwardToken": "f/next", "nextBackwardToken": "b/1"]),
            AWSFixture.reply(["events": [Any](), "nextForwardToken": "f/next", "nextBackwardToken": "b/2"]),
        ])
        let logs = client(transport)
        let first = try await logs.getLogEvents(CloudWatchGetLogEventsRequest(logGroupName: group, logStreamName: stream, nextToken: token))
        XCTAssertFalse(first.caughtUp)
        XCTAssertEqual(first.events.count, 1)
        let second = try await logs.getLogEvents(CloudWatchGetLogEventsRequest(logGroupName: group, logStreamName: stream, nextToken: first.nextForwardToken))
        XCTAssertTrue(second.caughtUp)
        XCTAssertEqual(second.events, [])
        XCTAssertEqual(try AWSFixture.body(transport.requests[1])["nextToken"] as? String, "f/next")
    }

    func testFilterLogEvents() async throws {
        let fixture = try AWSFixture("logs/FilterLogEvents")
        let transport = ScriptedTransport(responses: [fixture.response])
        let events = try await client(transport).filterLogEvents(CloudWatchFilterLogEventsRequest(
            logGroupName: group, logStreamNames: [stream], filterPattern: "ERROR", startTime: Date(timeIntervalSince1970: 1_700_000_000)))
        try fixture.assertMatches(transport.requests.first)
        XCTAssertEqual(events, [CloudWatchFilteredLogEvent(
            logStreamName: stream, eventId: "31132629274945519779805322857203735586714454643391594505",
            timestamp: Date(timeIntervalSince1970: 1_700_000_003), message: "ERROR upstream timed out",
            ingestionTime: Date(timeIntervalSince1970: 1_700_000_003.1))])
    }

    func testFilterLogEventsFollowsPagesIncludingEmptyOnesAndStopsAtMaxEvents() async throws {
        // FilterLogEvents may return empty pages with a token while it is still searching.
        let pages: [[String: Any]] = [
            ["events": [["message": "a"]], "nextToken": "1"],
            ["events": [Any](), "nextToken": "2"],
            ["events": [["message": "b"], ["message": "c"]], "nextToken": "3"],
            ["events": [["message": "d"]]],
        ]
        let replies = pages.map(AWSFixture.reply)
        let transport = ScriptedTransport(responses: replies)
        let all = try await client(transport).filterLogEvents(CloudWatchFilterLogEventsRequest(logGroupName: group))
        XCTAssertEqual(all.compactMap(\.message), ["a", "b", "c", "d"])
        XCTAssertEqual(transport.requests.count, 4)

        let limited = ScriptedTransport(responses: replies)
        let some = try await client(limited).filterLogEvents(CloudWatchFilterLogEventsRequest(logGroupName: group, maxEvents: 2))
        XCTAssertEqual(some.compactMap(\.message), ["a", "b"])
        XCTAssertEqual(limited.requests.count, 3, "no page is fetched once enough events are in")
    }

    func testDescribeLogStreamsNewestFirst() async throws {
        let fixture = try AWSFixture("logs/DescribeLogStreams")
        let transport = ScriptedTransport(responses: [fixture.response])
        let streams = try await client(transport).describeLogStreams(logGroupName: group, orderBy: .lastEventTime, descending: true)
        try fixture.assertMatches(transport.requests.first)
        XCTAssertEqual(streams.compactMap(\.logStreamName), [stream, "ecs/frontend/fedcba9876543210fedcba9876543210"])
        XCTAssertEqual(streams[0].lastEventTimestamp, Date(timeIntervalSince1970: 1_700_000_002))
        XCTAssertEqual(streams[0].firstEventTimestamp?.timeIntervalSince1970 ?? 0, 1_700_000_001.234, accuracy: 1e-6)
        XCTAssertNil(streams[1].lastEventTimestamp)
    }

    func testDescribeLogStreamsFollowsPagesWithAPrefix() async throws {
        let transport = ScriptedTransport { _, index in
            AWSFixture.reply(index == 0 ? ["logStreams": [["logStreamName": "ecs/a"]], "nextToken": "x"] : ["logStreams": [["logStreamName": "ecs/b"]]])
        }
        let streams = try await client(transport).describeLogStreams(logGroupName: group, logStreamNamePrefix: "ecs/")
        XCTAssertEqual(streams.compactMap(\.logStreamName), ["ecs/a", "ecs/b"])
        XCTAssertEqual(try AWSFixture.canonical(transport.requests[1].body),
                       #"{"limit":50,"logGroupName":"\/ecs\/app-dev\/frontend","logStreamNamePrefix":"ecs\/","nextToken":"x"}"#)
    }

    func testLogsRepliesSentAsTextHTMLStillDecode() async throws {
        // moto answers Logs calls with Content-Type text/html and a JSON body.
        let transport = ScriptedTransport(responses: [ScriptedTransport.json(
            200, #"{"events":[{"timestamp":1700000000000,"message":"hi","ingestionTime":1700000000001}],"nextForwardToken":"f/1","nextBackwardToken":"b/1"}"#,
            headers: [("Content-Type", "text/html; charset=utf-8")])])
        let page = try await client(transport).getLogEvents(CloudWatchGetLogEventsRequest(logGroupName: group, logStreamName: stream))
        XCTAssertEqual(page.events.first?.timestamp, Date(timeIntervalSince1970: 1_700_000_000))
    }
}
