/// AWS CodePipeline over JSON 1.1: each environment's pipeline, its stage states and its executions.
package enum SimulatedCodePipelineAPI {
    package static func respond(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        switch context.call.operation {
        case "ListPipelines": return try listPipelines(context)
        case "GetPipelineState": return try getPipelineState(context)
        case "ListPipelineExecutions": return try listPipelineExecutions(context)
        case "StartPipelineExecution": return try startPipelineExecution(context)
        default: throw SimulatedFault(code: "UnknownOperationException", message: "")
        }
    }

    private static func pipeline(_ context: SimulatedRequestContext, key: String) throws(SimulatedFault) -> (account: SimulatedAccount, index: Int) {
        let name = try context.string(key)
        guard let account = context.account, let index = account.pipelines.firstIndex(where: { $0.name == name }) else {
            throw SimulatedFault(code: "PipelineNotFoundException",
                                 message: "Account '\(context.identity.account)' does not have a pipeline with name '\(name)'")
        }
        return (account, index)
    }

    private static func listPipelines(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let size = try context.pageSize(default: 1000, limit: 1000)
        let page = try context.page(context.account?.pipelines ?? [], size: size)
        let items = page.items.map { pipeline -> SimulatedJSON in
            .fields(["name": .string(pipeline.name), "version": .int(1), "pipelineType": "V2", "executionMode": "PARALLEL",
                     "created": SimulatedJSON.seconds(pipeline.created), "updated": SimulatedJSON.seconds(pipeline.created)])
        }
        return .fields(["pipelines": .array(items), "nextToken": SimulatedJSON.text(page.next)])
    }

    private static func getPipelineState(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let found = try pipeline(context, key: "name")
        let pipeline = found.account.pipelines[found.index]
        let now = context.now
        // Stages take under four minutes and runs start minutes apart, so the latest few runs cover every stage.
        let recent = pipeline.runs(at: now, limit: 5)
        let stages = SimulatedPipeline.stages.enumerated().map { index, stage -> SimulatedJSON in
            let latest = recent.lazy.compactMap { run in SimulatedPipeline.stageStatus(run, index, at: now).map { (run, $0) } }.first
            var action = SimulatedJSON.fields(["actionName": .string(stage.action)])
            var execution: SimulatedJSON?
            if let (run, status) = latest {
                let failed = status.status == "Failed"
                action = .fields([
                    "actionName": .string(stage.action),
                    "currentRevision": index == 0 ? .fields(["revisionId": .string(run.revision)]) : nil,
                    "revisionId": index == 0 ? .string(run.revision) : nil,
                    "latestExecution": .fields([
                        "actionExecutionId": .string(SimulatedRandom.uuid(SimulatedRandom.hash(0, run.id, stage.name))),
                        "status": .string(status.status),
                        "summary": .string(summary(stage.name, run: run, status: status.status, pipeline: pipeline)),
                        "lastStatusChange": SimulatedJSON.seconds(status.changedAt),
                        "externalExecutionId": .string(index == 0 ? run.revision : "\(pipeline.name):\(SimulatedRandom.uuid(SimulatedRandom.hash(1, run.id, stage.name)))"),
                        "errorDetails": failed ? .fields(["code": "JobFailed", "message": .string(failureMessage(index))]) : nil,
                    ]),
                ])
                execution = .fields(["pipelineExecutionId": .string(run.id), "status": .string(status.status)])
            }
            return .fields([
                "stageName": .string(stage.name),
                "inboundTransitionState": index == 0 ? nil : .fields(["enabled": .bool(true)]),
                "actionStates": .array([action]),
                "latestExecution": execution,
            ])
        }
        return .fields([
            "pipelineName": .string(pipeline.name), "pipelineVersion": .int(1), "stageStates": .array(stages),
            "created": SimulatedJSON.seconds(pipeline.created), "updated": SimulatedJSON.seconds(pipeline.created),
        ])
    }

    private static func summary(_ stage: String, run: SimulatedPipeline.Run, status: String, pipeline: SimulatedPipeline) -> String {
        switch (stage, status) {
        case ("Source", _): return run.summary
        case (_, "Failed"): return "\(stage) failed"
        case ("Deploy", "Succeeded"): return "Deployed to \(pipeline.place.clusterName)"
        case (_, "InProgress"): return "\(stage) in progress"
        default: return "\(stage) succeeded"
        }
    }

    private static func failureMessage(_ stage: Int) -> String {
        stage == 1 ? "Error while executing command: docker build . Reason: exit status 1"
            : "Error while executing command: make integration-test. Reason: exit status 2"
    }

    private static func listPipelineExecutions(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let found = try pipeline(context, key: "pipelineName")
        let pipeline = found.account.pipelines[found.index]
        let size = try context.pageSize(default: 100, limit: 100)
        let offset = try SimulatedRequestContext.offset(fromToken: try context.optionalString("nextToken"))
        let runs = pipeline.runs(at: context.now, limit: offset + size + 1)
        let page = try context.page(runs, size: size)
        let items = page.items.map { run -> SimulatedJSON in
            let status = SimulatedPipeline.status(run, at: context.now)
            return .fields([
                "pipelineExecutionId": .string(run.id),
                "status": .string(status.status),
                "statusSummary": status.status == "Failed" ? .string("\(SimulatedPipeline.stages[run.failsAtStage ?? 0].name) failed") : nil,
                "startTime": SimulatedJSON.seconds(run.startedAt),
                "lastUpdateTime": SimulatedJSON.seconds(status.changedAt),
                "executionMode": "PARALLEL",
                "sourceRevisions": .array([.fields(["actionName": "Source", "revisionId": .string(run.revision), "revisionSummary": .string(run.summary)])]),
                "trigger": .fields(["triggerType": .string(run.triggerType), "triggerDetail": .string(run.triggerDetail)]),
            ])
        }
        return .fields(["pipelineExecutionSummaries": .array(items), "nextToken": SimulatedJSON.text(page.next)])
    }

    private static func startPipelineExecution(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let name = try context.string("name")
        try context.authorizeWrite(resource: "arn:aws:codepipeline:\(context.call.region):\(context.identity.account):\(name)")
        let found = try pipeline(context, key: "name")
        let token = try context.optionalString("clientRequestToken")
        var pipeline = found.account.pipelines[found.index]
        if let token, let earlier = pipeline.manualRuns.first(where: { $0.clientRequestToken == token }) {
            return .fields(["pipelineExecutionId": .string(earlier.id)])
        }
        var run = pipeline.manualRun(at: context.now, by: context.identity.arn)
        run.clientRequestToken = token
        pipeline.manualRuns.append(run)
        found.account.pipelines[found.index] = pipeline
        return .fields(["pipelineExecutionId": .string(run.id)])
    }
}
