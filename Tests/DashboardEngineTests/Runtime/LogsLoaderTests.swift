import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
import Foundation
import TestSupport
import XCTest

/// The logs pane's reads against the simulator's CloudWatch Logs, through the typed client.
final class LogsLoaderTests: XCTestCase {
    private struct Bench {
        let harness = SimulatorHarness()
        let dev: EnvironmentFetcher
        let loader: LogsLoader

        init() {
            let setup = FleetSetup.demo(simulator: harness.fleet, config: DemoFleet.config(), clock: harness.clock)
            dev = setup.sources.environments[0]
            loader = LogsLoader(clock: harness.clock)
        }

        func backend() async throws -> ServiceSnapshot {
            let snapshot = try await dev.fetch(now: harness.clock.now())
            return try XCTUnwrap(snapshot.service(named: "backend"))
        }
    }

    private func loaded(_ event: AppEvent?) throws -> (lines: [LogLine], error: String?) {
        guard case .logsLoaded(_, let lines, let error)? = event else { throw NoLogs(event: event) }
        return (lines, error)
    }

    func testAServiceShowsItsRunningTasksLinesOldestFirst() async throws {
        let bench = Bench()
        let backend = try await bench.backend()
        let target = LogsTarget(environment: "dev", service: "backend", taskId: nil)
        let event = await bench.loader.load(target, since: nil, service: backend, context: bench.dev.context)
        let (lines, error) = try loaded(event)
        XCTAssertNil(error)
        XCTAssertFalse(lines.isEmpty)
        XCTAssertEqual(lines.map(\.timestamp), lines.map(\.timestamp).sorted())
        let streams = Set(backend.runningTasks.compactMap { backend.logs?.stream(forTask: $0.id) })
        XCTAssertTrue(Set(lines.map(\.stream)).isSubset(of: streams), "only the running tasks' streams")
    }

    /// A task whose stream CloudWatch does not have is explained in words, not as a raw ResourceNotFoundException.
    func testAMissingStreamIsSaidInWords() async throws {
        let bench = Bench()
        let backend = try await bench.backend()
        let target = LogsTarget(environment: "dev", service: "backend", taskId: "0123456789abcdef0123456789abcdef")
        let (lines, error) = try loaded(await bench.loader.load(target, since: nil, service: backend, context: bench.dev.context))
        XCTAssertEqual(lines, [])
        let message = try XCTUnwrap(error)
        XCTAssertTrue(message.hasPrefix("task 01234567 has no log stream in /ecs/app-dev/backend"), message)
        XCTAssertFalse(message.contains("ResourceNotFoundException"), message)
    }

    func testATaskShowsItsStreamAndFollowingAsksOnlyForNewerLines() async throws {
        let bench = Bench()
        let backend = try await bench.backend()
        let task = try XCTUnwrap(backend.runningTasks.first)
        let target = LogsTarget(environment: "dev", service: "backend", taskId: task.id)
        let first = try loaded(await bench.loader.load(target, since: nil, service: backend, context: bench.dev.context))
        XCTAssertNil(first.error)
        let stream = try XCTUnwrap(backend.logs?.stream(forTask: task.id))
        XCTAssertFalse(first.lines.isEmpty)
        XCTAssertTrue(first.lines.allSatisfy { $0.stream == stream })

        let newest = try XCTUnwrap(first.lines.map { Int64($0.timestamp.timeIntervalSince1970 * 1000) }.max())
        bench.harness.advance(60, step: 5)
        let next = try loaded(await bench.loader.load(target, since: newest, service: backend, context: bench.dev.context))
        XCTAssertNil(next.error)
        XCTAssertTrue(next.lines.allSatisfy { Int64($0.timestamp.timeIntervalSince1970 * 1000) > newest }, "nothing shown twice")
    }

    func testAServiceWithoutAwslogsSaysSoAndAnUnknownOneIsIgnored() async throws {
        let bench = Bench()
        var backend = try await bench.backend()
        backend.logs = nil
        let target = LogsTarget(environment: "dev", service: "backend", taskId: nil)
        let event = await bench.loader.load(target, since: nil, service: backend, context: bench.dev.context)
        let (lines, error) = try loaded(event)
        XCTAssertEqual(lines, [])
        XCTAssertEqual(error, "backend does not log with the awslogs driver; nothing to show")
        let unknown = await bench.loader.load(target, since: nil, service: nil, context: bench.dev.context)
        XCTAssertNil(unknown)
    }

    func testRequestsStartAfterTheNewestLineAndNameAtMostAHundredStreams() {
        let now = Date(timeIntervalSince1970: 1_750_000_000)
        XCTAssertEqual(LogsLoader.startTime(since: nil, now: now), now.addingTimeInterval(-3600))
        XCTAssertEqual(LogsLoader.startTime(since: 1_750_000_000_000, now: now), Date(timeIntervalSince1970: 1_750_000_000.001))
        let streams = (0..<150).map { "ecs/backend/\($0)" }
        XCTAssertEqual(LogsLoader.groupRequest("/g", streams: streams, start: now).logStreamNames?.count, 100)
        XCTAssertNil(LogsLoader.groupRequest("/g", streams: [], start: now).logStreamNames, "no running task: the whole group")
        XCTAssertEqual(LogsLoader.streamRequest("/g", stream: "s", start: now, following: true).startFromHead, true)
    }
}

/// The loader answered with something other than lines.
private struct NoLogs: Error {
    var event: AppEvent?
}
