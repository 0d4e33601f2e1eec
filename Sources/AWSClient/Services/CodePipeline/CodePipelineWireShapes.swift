import Foundation

// The request and reply envelopes of the CodePipeline operations, as sent on the wire.

/// ListPipelines' request.
struct CodePipelineListInput: Encodable {
    var nextToken: String?
    var maxResults: Int?
}

/// ListPipelines' reply.
struct CodePipelineListPipelinesOutput: Decodable {
    var pipelines: [CodePipelineSummary]?
    var nextToken: String?
}

/// A request naming one pipeline (GetPipelineState).
struct CodePipelineNameInput: Encodable {
    var name: String
}

/// ListPipelineExecutions' request.
struct CodePipelineListExecutionsInput: Encodable {
    var pipelineName: String
    var nextToken: String?
    var maxResults: Int?
}

/// ListPipelineExecutions' reply.
struct CodePipelineListExecutionsOutput: Decodable {
    var pipelineExecutionSummaries: [CodePipelineExecutionSummary]?
    var nextToken: String?
}

/// StartPipelineExecution's request.
struct CodePipelineStartExecutionInput: Encodable {
    var name: String
    var clientRequestToken: String?
}

/// StartPipelineExecution's reply.
struct CodePipelineStartExecutionOutput: Decodable {
    var pipelineExecutionId: String?
}
