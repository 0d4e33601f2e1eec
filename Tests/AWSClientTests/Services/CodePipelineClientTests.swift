@testable import AWSClient
import Foundation
import XCTest

/// CodePipelineClient against recorded exchanges, including the operations moto lacks.
final class CodePipelineClientTests: XCTestCase {
    private func client(_ transport: ScriptedTransport) -> CodePipelineClient {
        CodePipelineClient(context: AWSFixture.context(transport))
    }

    func testListPipelinesFollowsPages() async throws {
        let fixture = try AWSFixture("codepipeline/ListPipelines")
        let transport = ScriptedTransport(responses: [AWSFixture.reply(["pipelines": [["name": "first"]], "nextToken": "p2"]), fixture.response])
        let pipelines = try await client(transport).listPipelines()
        try fixture.assertMatches(transport.requests.first)
        XCTAssertEqual(pipelines.compactMap(\.name), ["first", "myapp-release", "myapp-infra"])
        XCTAssertEqual(pipelines[1].version, 4)
        XCTAssertEqual(pipelines[1].created?.timeIntervalSince1970 ?? 0, 1_690_000_000.123, accuracy: 1e-6)
        XCTAssertEqual(try AWSFixture.canonical(transport.requests[1].body), #"{"nextToken":"p2"}"#)
    }

    func testGetPipelineState() async throws {
        let fixture = try AWSFixture("codepipeline/GetPipelineState")
        let transport = ScriptedTransport(responses: [fixture.response])
        let state = try await client(transport).getPipelineState(name: "myapp-release")
        try fixture.assertMatches(transport.requests.first)
        XCTAssertEqual(state.pipelineName, "myapp-release")
        XCTAssertEqual(state.pipelineVersion, 4)
        let stages = try XCTUnwrap(state.stageStates)
        XCTAssertEqual(stages.compactMap(\.stageName), ["Source", "Build", "DeployProd"])
        XCTAssertEqual(stages[0].latestExecution, CodePipelineStageExecution(pipelineExecutionId: "42a5c8e0-1b2c-4d5e-8f90-1234567890ab", status: "Succeeded"))
        let source = try XCTUnwrap(stages[0].actionStates?.first?.latestExecution)
        XCTAssertEqual(source.status, "Succeeded")
        XCTAssertEqual(source.summary, "Merge pull request #42 from feature/login")
        XCTAssertEqual(source.lastStatusChange?.timeIntervalSince1970 ?? 0, 1_700_000_010.5, accuracy: 1e-6)
        let build = try XCTUnwrap(stages[1].actionStates?.first?.latestExecution)
        XCTAssertEqual(build.status, "Failed")
        XCTAssertEqual(build.errorDetails?.code, "JobFailed")
        XCTAssertEqual(build.externalExecutionUrl, "https://example.invalid/build/0f0e0d0c")
        XCTAssertEqual(stages[1].latestExecution?.status, "Failed")
        XCTAssertEqual(stages[2].inboundTransitionState?.enabled, false)
        XCTAssertEqual(stages[2].inboundTransitionState?.disabledReason, "change freeze")
        XCTAssertNil(stages[2].latestExecution)
        XCTAssertNil(stages[2].actionStates?.first?.latestExecution)
    }

    func testListPipelineExecutions() async throws {
        let fixture = try AWSFixture("codepipeline/ListPipelineExecutions")
        let transport = ScriptedTransport(responses: [fixture.response])
        let executions = try await client(transport).listPipelineExecutions(pipelineName: "myapp-release")
        try fixture.assertMatches(transport.requests.first)
        XCTAssertEqual(executions.compactMap(\.status), ["Failed", "Succeeded"])
        XCTAssertEqual(executions[0].pipelineExecutionId, "42a5c8e0-1b2c-4d5e-8f90-1234567890ab")
        XCTAssertEqual(executions[0].startTime?.timeIntervalSince1970 ?? 0, 1_700_000_000.5, accuracy: 1e-6)
        XCTAssertEqual(executions[0].sourceRevisions?.first?.revisionId, "f3a2b1c")
        XCTAssertEqual(executions[1].trigger?.triggerType, "StartPipelineExecution")
    }

    func testListPipelineExecutionsPagesUntilMaxExecutionsAndReadsISOTimestamps() async throws {
        // moto (and some proxies) send ISO-8601 strings where AWS sends epoch seconds.
        let transport = ScriptedTransport { _, index in
            AWSFixture.reply(["pipelineExecutionSummaries": [["pipelineExecutionId": "e\(index)", "startTime": "2023-11-14T22:13:20.250000+00:00"]],
                              "nextToken": "n\(index)"])
        }
        let executions = try await client(transport).listPipelineExecutions(pipelineName: "p", maxExecutions: 2)
        XCTAssertEqual(executions.compactMap(\.pipelineExecutionId), ["e0", "e1"])
        XCTAssertEqual(transport.requests.count, 2)
        XCTAssertEqual(try AWSFixture.canonical(transport.requests[1].body), #"{"maxResults":2,"nextToken":"n0","pipelineName":"p"}"#)
        XCTAssertEqual(executions[0].startTime?.timeIntervalSince1970 ?? 0, 1_700_000_000.25, accuracy: 1e-3)
    }

    func testStartPipelineExecution() async throws {
        let fixture = try AWSFixture("codepipeline/StartPipelineExecution")
        let transport = ScriptedTransport(responses: [fixture.response])
        let id = try await client(transport).startPipelineExecution(name: "myapp-release", clientRequestToken: "ecsdash-7f1e")
        try fixture.assertMatches(transport.requests.first)
        XCTAssertEqual(id, "3137f7cb-7cf7-EXAMPLE")
    }

    func testMotosUnimplementedOperationIsAnErrorNotACrash() async {
        let transport = ScriptedTransport(responses: [ScriptedTransport.json(500, "<!doctype html><title>500 Internal Server Error</title>")])
        await XCTAssertThrowsAWSError(try await client(transport).getPipelineState(name: "p"), code: "HTTP500")
    }
}
