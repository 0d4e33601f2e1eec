import Foundation

/// A pipeline as ListPipelines reports it.
public struct CodePipelineSummary: Sendable, Equatable, Codable {
    public var name: String?
    public var version: Int?
    public var pipelineType: String?
    public var executionMode: String?
    public var created: Date?
    public var updated: Date?

    public init(
        name: String? = nil, version: Int? = nil, pipelineType: String? = nil, executionMode: String? = nil,
        created: Date? = nil, updated: Date? = nil
    ) {
        self.name = name
        self.version = version
        self.pipelineType = pipelineType
        self.executionMode = executionMode
        self.created = created
        self.updated = updated
    }
}

/// The state of every stage and action of a pipeline (GetPipelineState).
public struct CodePipelineState: Sendable, Equatable, Codable {
    public var pipelineName: String?
    public var pipelineVersion: Int?
    public var stageStates: [CodePipelineStageState]?
    public var created: Date?
    public var updated: Date?

    public init(
        pipelineName: String? = nil, pipelineVersion: Int? = nil,
        stageStates: [CodePipelineStageState]? = nil, created: Date? = nil, updated: Date? = nil
    ) {
        self.pipelineName = pipelineName
        self.pipelineVersion = pipelineVersion
        self.stageStates = stageStates
        self.created = created
        self.updated = updated
    }
}

/// One stage: its latest execution and its actions.
public struct CodePipelineStageState: Sendable, Equatable, Codable {
    public var stageName: String?
    public var inboundTransitionState: CodePipelineTransitionState?
    public var actionStates: [CodePipelineActionState]?
    public var latestExecution: CodePipelineStageExecution?

    public init(
        stageName: String? = nil, inboundTransitionState: CodePipelineTransitionState? = nil,
        actionStates: [CodePipelineActionState]? = nil, latestExecution: CodePipelineStageExecution? = nil
    ) {
        self.stageName = stageName
        self.inboundTransitionState = inboundTransitionState
        self.actionStates = actionStates
        self.latestExecution = latestExecution
    }
}

/// Whether changes may flow into a stage, and why not.
public struct CodePipelineTransitionState: Sendable, Equatable, Codable {
    public var enabled: Bool?
    public var disabledReason: String?
    public var lastChangedBy: String?
    public var lastChangedAt: Date?

    public init(
        enabled: Bool? = nil, disabledReason: String? = nil, lastChangedBy: String? = nil,
        lastChangedAt: Date? = nil
    ) {
        self.enabled = enabled
        self.disabledReason = disabledReason
        self.lastChangedBy = lastChangedBy
        self.lastChangedAt = lastChangedAt
    }
}

/// The latest run of a stage: which pipeline execution and how it stands.
public struct CodePipelineStageExecution: Sendable, Equatable, Codable {
    public var pipelineExecutionId: String?
    /// InProgress, Failed, Stopped, Stopping, Succeeded, Cancelled, Skipped.
    public var status: String?
    public var type: String?

    public init(pipelineExecutionId: String? = nil, status: String? = nil, type: String? = nil) {
        self.pipelineExecutionId = pipelineExecutionId
        self.status = status
        self.type = type
    }
}

/// One action of a stage, with its latest execution.
public struct CodePipelineActionState: Sendable, Equatable, Codable {
    public var actionName: String?
    public var revisionId: String?
    public var entityUrl: String?
    public var revisionUrl: String?
    public var latestExecution: CodePipelineActionExecution?

    public init(
        actionName: String? = nil, revisionId: String? = nil, entityUrl: String? = nil,
        revisionUrl: String? = nil, latestExecution: CodePipelineActionExecution? = nil
    ) {
        self.actionName = actionName
        self.revisionId = revisionId
        self.entityUrl = entityUrl
        self.revisionUrl = revisionUrl
        self.latestExecution = latestExecution
    }
}

/// The latest run of an action: status, summary, when it last changed, errors.
public struct CodePipelineActionExecution: Sendable, Equatable, Codable {
    public var actionExecutionId: String?
    /// InProgress, Abandoned, Succeeded or Failed.
    public var status: String?
    public var summary: String?
    public var lastStatusChange: Date?
    public var lastUpdatedBy: String?
    public var externalExecutionId: String?
    public var externalExecutionUrl: String?
    public var percentComplete: Int?
    public var errorDetails: CodePipelineErrorDetails?

    public init(
        actionExecutionId: String? = nil, status: String? = nil, summary: String? = nil,
        lastStatusChange: Date? = nil, lastUpdatedBy: String? = nil, externalExecutionId: String? = nil,
        externalExecutionUrl: String? = nil, percentComplete: Int? = nil,
        errorDetails: CodePipelineErrorDetails? = nil
    ) {
        self.actionExecutionId = actionExecutionId
        self.status = status
        self.summary = summary
        self.lastStatusChange = lastStatusChange
        self.lastUpdatedBy = lastUpdatedBy
        self.externalExecutionId = externalExecutionId
        self.externalExecutionUrl = externalExecutionUrl
        self.percentComplete = percentComplete
        self.errorDetails = errorDetails
    }
}

/// Why an action failed.
public struct CodePipelineErrorDetails: Sendable, Equatable, Codable {
    public var code: String?
    public var message: String?

    public init(code: String? = nil, message: String? = nil) {
        self.code = code
        self.message = message
    }
}

/// One run of a pipeline as ListPipelineExecutions reports it.
public struct CodePipelineExecutionSummary: Sendable, Equatable, Codable {
    public var pipelineExecutionId: String?
    /// Cancelled, InProgress, Stopped, Stopping, Succeeded, Superseded or Failed.
    public var status: String?
    public var statusSummary: String?
    public var startTime: Date?
    public var lastUpdateTime: Date?
    public var sourceRevisions: [CodePipelineSourceRevision]?
    public var trigger: CodePipelineExecutionTrigger?
    public var executionMode: String?

    public init(
        pipelineExecutionId: String? = nil, status: String? = nil, statusSummary: String? = nil,
        startTime: Date? = nil, lastUpdateTime: Date? = nil,
        sourceRevisions: [CodePipelineSourceRevision]? = nil, trigger: CodePipelineExecutionTrigger? = nil,
        executionMode: String? = nil
    ) {
        self.pipelineExecutionId = pipelineExecutionId
        self.status = status
        self.statusSummary = statusSummary
        self.startTime = startTime
        self.lastUpdateTime = lastUpdateTime
        self.sourceRevisions = sourceRevisions
        self.trigger = trigger
        self.executionMode = executionMode
    }
}

/// The source revision an execution built (a commit, an image digest, …).
public struct CodePipelineSourceRevision: Sendable, Equatable, Codable {
    public var actionName: String?
    public var revisionId: String?
    public var revisionSummary: String?
    public var revisionUrl: String?

    public init(
        actionName: String? = nil, revisionId: String? = nil, revisionSummary: String? = nil,
        revisionUrl: String? = nil
    ) {
        self.actionName = actionName
        self.revisionId = revisionId
        self.revisionSummary = revisionSummary
        self.revisionUrl = revisionUrl
    }
}

/// What started an execution.
public struct CodePipelineExecutionTrigger: Sendable, Equatable, Codable {
    public var triggerType: String?
    public var triggerDetail: String?

    public init(triggerType: String? = nil, triggerDetail: String? = nil) {
        self.triggerType = triggerType
        self.triggerDetail = triggerDetail
    }
}
