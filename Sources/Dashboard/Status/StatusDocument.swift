import Foundation

/// The stable JSON schema of `ecsdash status --output json` (schema 1; documented in docs/status-json.md).
/// Fields are only ever added, never renamed or removed, within a schema version.
struct StatusDocument: Encodable, Equatable {
    struct Environment: Encodable, Equatable {
        var name: String
        @EncodedAsNull var account: String?
        @EncodedAsNull var cluster: String?
        var ok: Bool
        var stale: Bool
        @EncodedAsNull var fetched_at: Date?
        @EncodedAsNull var error: ErrorEntry?
        var services: [Service]
        var pipelines: [Pipeline]
        var errors: [ErrorEntry]
    }

    struct Service: Encodable, Equatable {
        var name: String
        var status: String
        @EncodedAsNull var image: Image?
        var desired: Int
        var running: Int
        var pending: Int
        @EncodedAsNull var rollout_state: String?
        @EncodedAsNull var rollout_reason: String?
        /// The tag's digest differs from what running tasks report (null when unknown).
        @EncodedAsNull var drift: Bool?
        /// This environment's image differs from the next environment's (null for the last, or unknown).
        @EncodedAsNull var differs_from_next: Bool?
        var deployments: [Deployment]
        var tasks: TaskSummary
    }

    struct Image: Encodable, Equatable {
        var registry: String
        var repository: String
        @EncodedAsNull var tag: String?
        @EncodedAsNull var digest: String?
        var running_digests: [String]
    }

    struct Deployment: Encodable, Equatable {
        var id: String
        var status: String
        @EncodedAsNull var revision: Int?
        var desired: Int
        var running: Int
        var pending: Int
        var failed: Int
        @EncodedAsNull var rollout_state: String?
        @EncodedAsNull var created_at: Date?
        @EncodedAsNull var updated_at: Date?
    }

    struct TaskSummary: Encodable, Equatable {
        var running: Int
        var pending: Int
        var stopped: Int
        var unhealthy: Int
    }

    struct Pipeline: Encodable, Equatable {
        var name: String
        @EncodedAsNull var status: String?
        @EncodedAsNull var execution_id: String?
        var stages: [Stage]
    }

    struct Stage: Encodable, Equatable {
        var name: String
        @EncodedAsNull var status: String?
    }

    struct ErrorEntry: Encodable, Equatable {
        var operation: String
        var code: String
        var message: String
    }

    var schema = 1
    var fetched_at: Date
    var environments: [Environment]
    var registry_errors: [ErrorEntry]

    init(_ fleet: FleetSnapshot, now: Date, refresh: TimeInterval) {
        fetched_at = now
        registry_errors = fleet.registry?.errors.map(Self.entry) ?? []
        environments = fleet.environments.map { state in
            let snapshot = state.snapshot
            return Environment(
                name: state.name, account: snapshot?.account, cluster: snapshot?.cluster, ok: state.error == nil && snapshot != nil,
                stale: state.isStale(now: now, refresh: refresh), fetched_at: snapshot?.fetchedAt, error: state.error.map(Self.entry),
                services: snapshot?.services.map { Self.service($0, environment: state.name, fleet: fleet) } ?? [],
                pipelines: snapshot?.pipelines.map {
                    Pipeline(name: $0.name, status: $0.latestExecutionStatus, execution_id: $0.latestExecutionId,
                             stages: $0.stages.map { Stage(name: $0.name, status: $0.status) })
                } ?? [],
                errors: snapshot?.errors.map(Self.entry) ?? []
            )
        }
    }

    static func service(_ service: ServiceSnapshot, environment: String, fleet: FleetSnapshot) -> Service {
        Service(
            name: service.name, status: service.status,
            image: service.image.map {
                Image(registry: $0.registry, repository: $0.repository, tag: $0.tag,
                      digest: fleet.tagDigest(service.name, in: environment), running_digests: service.runningDigests)
            },
            desired: service.desired, running: service.running, pending: service.pending,
            rollout_state: service.rolloutState, rollout_reason: service.rolloutReason,
            drift: fleet.drift(service.name, in: environment), differs_from_next: fleet.differsFromNext(service.name, in: environment),
            deployments: service.deployments.map {
                Deployment(id: $0.id, status: $0.status, revision: $0.revision, desired: $0.desired, running: $0.running,
                           pending: $0.pending, failed: $0.failed, rollout_state: $0.rolloutState, created_at: $0.createdAt, updated_at: $0.updatedAt)
            },
            tasks: TaskSummary(
                running: service.runningTasks.count,
                pending: service.tasks.filter { ["PROVISIONING", "PENDING", "ACTIVATING"].contains($0.lastStatus) }.count,
                stopped: service.stoppedTaskCount, unhealthy: service.unhealthyTaskCount
            )
        )
    }

    static func entry(_ error: FetchError) -> ErrorEntry {
        ErrorEntry(operation: error.operation, code: error.code, message: error.message)
    }

    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
