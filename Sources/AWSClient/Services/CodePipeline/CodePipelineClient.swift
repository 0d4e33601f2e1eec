import Foundation

/// AWS CodePipeline over the JSON 1.1 protocol: pipelines, their stage and action state, and executions.
public struct CodePipelineClient: Sendable {
    public let client: AWSServiceClient

    /// The largest page ListPipelineExecutions serves.
    static let executionsPerPage = 100

    public init(context: AWSClientContext) {
        client = AWSServiceClient(service: .codePipeline, context: context)
    }

    /// Every pipeline of the account, following every page.
    public func listPipelines() async throws -> [CodePipelineSummary] {
        try await Paginator.collect { token in
            let page: CodePipelineListPipelinesOutput = try await client.json("ListPipelines", CodePipelineListInput(nextToken: token))
            return (page.pipelines ?? [], page.nextToken)
        }
    }

    /// The state of each stage and action of a pipeline.
    public func getPipelineState(name: String) async throws -> CodePipelineState {
        try await client.json("GetPipelineState", CodePipelineNameInput(name: name), reusable: true)
    }

    /// A pipeline's executions, newest first, following pages to the end or until `maxExecutions` are in
    /// (the history goes back a year, so a dashboard usually wants only the latest few).
    public func listPipelineExecutions(pipelineName: String, maxExecutions: Int? = nil) async throws -> [CodePipelineExecutionSummary] {
        var collected = 0
        let executions = try await Paginator.collect { token in
            let input = CodePipelineListExecutionsInput(
                pipelineName: pipelineName, nextToken: token,
                maxResults: max(1, min(maxExecutions ?? Self.executionsPerPage, Self.executionsPerPage)))
            let page: CodePipelineListExecutionsOutput = try await client.json("ListPipelineExecutions", input)
            collected += page.pipelineExecutionSummaries?.count ?? 0
            let enough = maxExecutions.map { collected >= $0 } ?? false
            return (page.pipelineExecutionSummaries ?? [], enough ? nil : page.nextToken)
        }
        return maxExecutions.map { Array(executions.prefix($0)) } ?? executions
    }

    /// Starts a pipeline run and returns its execution id. A `clientRequestToken` makes a retried call idempotent.
    @discardableResult
    public func startPipelineExecution(name: String, clientRequestToken: String? = nil) async throws -> String {
        let output: CodePipelineStartExecutionOutput = try await client.json(
            "StartPipelineExecution", CodePipelineStartExecutionInput(name: name, clientRequestToken: clientRequestToken))
        guard let id = output.pipelineExecutionId else {
            throw AWSError(service: client.service.name, operation: "StartPipelineExecution", status: 200, code: "DeserializationError",
                           message: "no pipelineExecutionId in the reply")
        }
        return id
    }
}
