import Foundation

/// Everything one poll learned about one environment, plus what went wrong on the way.
struct EnvironmentSnapshot: Equatable, Sendable, Codable {
    var environment: String
    var account: String
    var cluster: String
    var fetchedAt: Date
    var services: [ServiceSnapshot]
    var pipelines: [PipelineSnapshot]
    /// Partial failures (a pipeline that could not be read, say); the rest of the snapshot is good.
    var errors: [FetchError]
    /// API calls this poll made, for the benchmark and the footer.
    var apiCalls: Int

    /// Binary search: services are kept sorted by name (the fetcher sorts them, `FleetSnapshot.apply` makes
    /// sure), and the matrix looks cells up several times per frame.
    func service(named name: String) -> ServiceSnapshot? {
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

    var isDeploying: Bool { services.contains { $0.isDeploying } }
}

/// A CodePipeline's stages and its latest execution.
struct PipelineSnapshot: Equatable, Sendable, Codable {
    var name: String
    var stages: [StageSnapshot]
    var latestExecutionId: String?
    var latestExecutionStatus: String?
    var latestExecutionTime: Date?
}

/// One pipeline stage and its actions' states.
struct StageSnapshot: Equatable, Sendable, Codable {
    var name: String
    var status: String?
    var actions: [ActionSnapshot]
}

/// One pipeline action's latest state.
struct ActionSnapshot: Equatable, Sendable, Codable {
    var name: String
    var status: String?
    var summary: String?
    var lastStatusChange: Date?
}

/// A failed call: which operation, AWS's code and message, and when.
struct FetchError: Equatable, Sendable, Codable, Error, CustomStringConvertible {
    var operation: String
    var code: String
    var message: String
    var at: Date
    var kind: String

    var description: String { "\(operation): \(code)\(message.isEmpty ? "" : " — \(message)")" }
}
