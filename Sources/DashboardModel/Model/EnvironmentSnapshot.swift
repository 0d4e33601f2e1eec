import Foundation

/// Everything one poll learned about one environment, plus what went wrong on the way.
package struct EnvironmentSnapshot: Equatable, Sendable, Codable {
    package var environment: String
    package var account: String
    package var cluster: String
    package var fetchedAt: Date
    package var services: [ServiceSnapshot]
    package var pipelines: [PipelineSnapshot]
    /// Partial failures (a pipeline that could not be read, say); the rest of the snapshot is good.
    package var errors: [FetchError]
    /// API calls this poll made, for the benchmark and the footer.
    package var apiCalls: Int

    /// Binary search: services are kept sorted by name (the fetcher sorts them, `FleetSnapshot.apply` makes
    /// sure), and the matrix looks cells up several times per frame.
    package func service(named name: String) -> ServiceSnapshot? {
        var low = 0
        var high = services.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let candidate = services[middle].name
            if candidate == name { return services[middle] }
            if candidate < name { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    package var isDeploying: Bool { services.contains { $0.isDeploying } }

    package init(
        environment: String,
        account: String,
        cluster: String,
        fetchedAt: Date,
        services: [ServiceSnapshot],
        pipelines: [PipelineSnapshot],
        errors: [FetchError],
        apiCalls: Int
    ) {
        self.environment = environment
        self.account = account
        self.cluster = cluster
        self.fetchedAt = fetchedAt
        self.services = services
        self.pipelines = pipelines
        self.errors = errors
        self.apiCalls = apiCalls
    }
}

/// A CodePipeline's stages and its latest execution.
package struct PipelineSnapshot: Equatable, Sendable, Codable {
    package var name: String
    package var stages: [StageSnapshot]
    package var latestExecutionId: String?
    package var latestExecutionStatus: String?
    package var latestExecutionTime: Date?

    package init(
        name: String,
        stages: [StageSnapshot],
        latestExecutionId: String? = nil,
        latestExecutionStatus: String? = nil,
        latestExecutionTime: Date? = nil
    ) {
        self.name = name
        self.stages = stages
        self.latestExecutionId = latestExecutionId
        self.latestExecutionStatus = latestExecutionStatus
        self.latestExecutionTime = latestExecutionTime
    }
}

/// One pipeline stage and its actions' states.
package struct StageSnapshot: Equatable, Sendable, Codable {
    package var name: String
    package var status: String?
    package var actions: [ActionSnapshot]

    package init(name: String, status: String? = nil, actions: [ActionSnapshot]) {
        self.name = name
        self.status = status
        self.actions = actions
    }
}

/// One pipeline action's latest state.
package struct ActionSnapshot: Equatable, Sendable, Codable {
    package var name: String
    package var status: String?
    package var summary: String?
    package var lastStatusChange: Date?

    package init(name: String, status: String? = nil, summary: String? = nil, lastStatusChange: Date? = nil) {
        self.name = name
        self.status = status
        self.summary = summary
        self.lastStatusChange = lastStatusChange
    }
}

/// A failed call: which operation, AWS's code and message, and when.
package struct FetchError: Equatable, Sendable, Codable, Error, CustomStringConvertible {
    package var operation: String
    package var code: String
    package var message: String
    package var at: Date
    package var kind: String

    package var description: String { "\(operation): \(code)\(message.isEmpty ? "" : " — \(message)")" }

    package init(operation: String, code: String, message: String, at: Date, kind: String) {
        self.operation = operation
        self.code = code
        self.message = message
        self.at = at
        self.kind = kind
    }
}
