import DashboardEngine
import DashboardModel
import Foundation

/// `ecsdash diff --output json`: a stable document (schema 1, docs/diff-json.md) of two environments' task
/// definitions for one service, or of why one could not be read.
package struct DiffDocument: Encodable, Equatable {
    package var schema = 1
    package var service: String
    package var from: Side?
    package var to: Side?
    /// `identical`, `image_only` or `differs`; nil when a side could not be read.
    package var verdict: String?
    package var promotion: [Change]
    package var perEnvironment: [Change]
    package var error: ReadError?

    /// One environment's revision.
    package struct Side: Encodable, Equatable {
        var environment: String
        var taskDefinition: String
        var arn: String
        var registeredAt: Date?

        enum CodingKeys: String, CodingKey {
            case environment, taskDefinition = "task_definition", arn, registeredAt = "registered_at"
        }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(environment, forKey: .environment)
            try container.encode(taskDefinition, forKey: .taskDefinition)
            try container.encode(arn, forKey: .arn)
            try container.encode(registeredAt, forKey: .registeredAt)
        }
    }

    /// One differing field; `null` on the side where it is absent.
    package struct Change: Encodable, Equatable {
        var container: String?
        var field: String
        var from: String?
        var to: String?

        package func encode(to encoder: any Encoder) throws {
            var keyed = encoder.container(keyedBy: CodingKeys.self)
            try keyed.encode(container, forKey: .container)
            try keyed.encode(field, forKey: .field)
            try keyed.encode(from, forKey: .from)
            try keyed.encode(to, forKey: .to)
        }

        enum CodingKeys: String, CodingKey { case container, field, from, to }
    }

    /// Why a side could not be read: the environment, the ECS operation and AWS's code.
    package struct ReadError: Encodable, Equatable {
        var environment: String
        var operation: String
        var code: String?
        var message: String

        package func encode(to encoder: any Encoder) throws {
            var keyed = encoder.container(keyedBy: CodingKeys.self)
            try keyed.encode(environment, forKey: .environment)
            try keyed.encode(operation, forKey: .operation)
            try keyed.encode(code, forKey: .code)
            try keyed.encode(message, forKey: .message)
        }

        enum CodingKeys: String, CodingKey { case environment, operation, code, message }
    }

    enum CodingKeys: String, CodingKey {
        case schema, service, from, to, verdict, promotion, perEnvironment = "per_environment", error
    }

    package init(service: String, from: (String, TaskDefinitionSummary), to: (String, TaskDefinitionSummary), diff: TaskDefinitionDiff) {
        self.service = service
        self.from = Self.side(from)
        self.to = Self.side(to)
        verdict = diff.isEmpty ? "identical" : (diff.onlyImageDiffers ? "image_only" : "differs")
        promotion = diff.promotion.map(Self.change)
        perEnvironment = diff.perEnvironment.map(Self.change)
    }

    package init(service: String, failure: TaskDefinitionReader.Failure) {
        self.service = service
        promotion = []
        perEnvironment = []
        error = ReadError(environment: failure.environment, operation: failure.operation, code: failure.code, message: failure.message)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schema, forKey: .schema)
        try container.encode(service, forKey: .service)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(promotion, forKey: .promotion)
        try container.encode(perEnvironment, forKey: .perEnvironment)
        try container.encode(error, forKey: .error)
    }

    static func side(_ side: (environment: String, summary: TaskDefinitionSummary)) -> Side {
        Side(environment: side.environment, taskDefinition: side.summary.reference, arn: side.summary.arn, registeredAt: side.summary.registeredAt)
    }

    static func change(_ change: TaskDefinitionDiff.Change) -> Change {
        Change(container: change.container, field: change.field, from: change.from, to: change.to)
    }

    package func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
