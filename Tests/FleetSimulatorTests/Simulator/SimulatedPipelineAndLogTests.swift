import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
@testable import FleetSimulator
import Foundation
import TestSupport
import XCTest

final class SimulatedPipelineAndLogTests: XCTestCase {
    func testPipelinesRunStagesAndStartOnRequest() async throws {
        let harness = SimulatorHarness()
        let reader = CodePipelineClient(context: try await harness.roleContext("uat"))
        let observed = try await reader.listPipelines().map(\.name)
        XCTAssertEqual(observed, ["myapp-uat-deploy"])
        let history = try await reader.listPipelineExecutions(pipelineName: "myapp-uat-deploy", maxExecutions: 10)
        XCTAssertEqual(history.count, 10)
        XCTAssertTrue(Set(history.compactMap(\.status)).isSubset(of: ["InProgress", "Succeeded", "Failed"]))
        XCTAssertTrue(history.contains { $0.status == "Succeeded" })

        let deployer = CodePipelineClient(context: try await harness.roleContext("uat", deploy: true))
        let id = try await deployer.startPipelineExecution(name: "myapp-uat-deploy")
        var state = try await reader.getPipelineState(name: "myapp-uat-deploy")
        XCTAssertEqual(state.stageStates?.map(\.stageName), ["Source", "Build", "Test", "Deploy"])
        XCTAssertEqual(state.stageStates?.first?.latestExecution?.pipelineExecutionId, id)
        XCTAssertEqual(state.stageStates?.first?.latestExecution?.status, "InProgress")

        harness.advance(120, step: 10)
        state = try await reader.getPipelineState(name: "myapp-uat-deploy")
        XCTAssertEqual(state.stageStates?[1].latestExecution?.pipelineExecutionId, id)
        XCTAssertEqual(state.stageStates?[1].latestExecution?.status, "Succeeded")
        XCTAssertEqual(state.stageStates?[2].latestExecution?.pipelineExecutionId, id)
        XCTAssertEqual(state.stageStates?[2].latestExecution?.status, "InProgress")

        harness.advance(120, step: 10)
        let mine = try await reader.listPipelineExecutions(pipelineName: "myapp-uat-deploy", maxExecutions: 5).first { $0.pipelineExecutionId == id }
        XCTAssertEqual(mine?.status, "Succeeded")
        XCTAssertEqual(mine?.trigger?.triggerType, "StartPipelineExecution")

        let denied = await SimulatorHarness.error { try await reader.startPipelineExecution(name: "myapp-uat-deploy") }
        XCTAssertEqual(denied?.code, "AccessDeniedException")
        let missing = await SimulatorHarness.error { try await reader.getPipelineState(name: "nope") }
        XCTAssertEqual(missing?.code, "PipelineNotFoundException")
    }

    func testLogLinesArriveAsTimePasses() async throws {
        let harness = SimulatorHarness()
        let context = try await harness.roleContext("dev")
        let backendTasks = try await harness.tasks(ECSClient(context: context), "dev", service: "backend")
        let task = try XCTUnwrap(backendTasks.first)
        let taskId = try XCTUnwrap(task.taskArn?.split(separator: "/").last.map(String.init))
        let logs = CloudWatchLogsClient(context: context)
        let streams = try await logs.describeLogStreams(logGroupName: "/ecs/app-dev/backend", orderBy: .lastEventTime, descending: true)
        XCTAssertTrue(streams.contains { $0.logStreamName == "ecs/backend/\(taskId)" })

        let stream = "ecs/backend/\(taskId)"
        let head = try await logs.getLogEvents(CloudWatchGetLogEventsRequest(logGroupName: "/ecs/app-dev/backend", logStreamName: stream,
                                                                              startFromHead: true, limit: 3))
        XCTAssertEqual(head.events.count, 3)
        XCTAssertTrue(head.events[0].message?.contains("starting backend") ?? false)
        let tail = try await logs.getLogEvents(CloudWatchGetLogEventsRequest(logGroupName: "/ecs/app-dev/backend", logStreamName: stream, limit: 5))
        let caughtUp = try await logs.getLogEvents(CloudWatchGetLogEventsRequest(logGroupName: "/ecs/app-dev/backend", logStreamName: stream,
                                                                                  nextToken: tail.nextForwardToken))
        XCTAssertTrue(caughtUp.events.isEmpty)
        XCTAssertTrue(caughtUp.caughtUp)

        harness.advance(10)
        let fresh = try await logs.getLogEvents(CloudWatchGetLogEventsRequest(logGroupName: "/ecs/app-dev/backend", logStreamName: stream,
                                                                               nextToken: tail.nextForwardToken))
        XCTAssertGreaterThanOrEqual(fresh.events.count, 3)
        XCTAssertLessThanOrEqual(fresh.events.count, 5)
        let times = fresh.events.compactMap(\.timestamp)
        XCTAssertEqual(times, times.sorted())
        XCTAssertTrue(times.allSatisfy { $0 > tail.events.last?.timestamp ?? .distantPast })

        let since = harness.clock.now().addingTimeInterval(-3600)
        let filtered = try await logs.filterLogEvents(CloudWatchFilterLogEventsRequest(logGroupName: "/ecs/app-dev/backend", startTime: since))
        XCTAssertGreaterThan(filtered.count, 2 * 1000)
        XCTAssertEqual(filtered.compactMap(\.timestamp), filtered.compactMap(\.timestamp).sorted())
        let warnings = try await logs.filterLogEvents(CloudWatchFilterLogEventsRequest(logGroupName: "/ecs/app-dev/backend", filterPattern: "?WARN ?ERROR",
                                                                                      startTime: since))
        XCTAssertFalse(warnings.isEmpty)
        XCTAssertTrue(warnings.allSatisfy { ($0.message ?? "").contains("WARN") || ($0.message ?? "").contains("ERROR") })
    }
}
