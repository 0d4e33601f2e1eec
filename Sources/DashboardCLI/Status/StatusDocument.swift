import DashboardEngine
import DashboardModel
import Foundation

/// The stable JSON schema of `ecsdash status --output json` (schema 1; documented in docs/status-json.md).
/// Fields are only ever added, never renamed or removed, within a schema version.
package struct StatusDocument: Encodable, Equatable {
    package struct Environment: Encodable, Equatable {
        package var name: String
        @EncodedAsNull package var account: String?
        @EncodedAsNull package var cluster: String?
        package var ok: Bool
        package var stale: Bool
        @EncodedAsNull package var fetched_at: Date?
        @EncodedAsNull package var error: ErrorEntry?
        package var services: [Service]
        package var pipelines: [Pipeline]
        package var errors: [ErrorEntry]
    }

    package struct Service: Encodable, Equatable {
        package var name: String
        package var status: String
        @EncodedAsNull package var image: Image?
        package var desired: Int
        package var running: Int
        package var pending: Int
        @EncodedAsNull package var rollout_state: String?
        @EncodedAsNull package var rollout_reason: String?
        /// The tag's digest differs from what running tasks report (null when unknown).
        @EncodedAsNull package var drift: Bool?
        /// This environment's image differs from the next environment's (null for the last, or unknown).
        @EncodedAsNull package var differs_from_next: Bool?
        package var deployments: [Deployment]
        package var tasks: TaskSummary
    }

    package struct Image: Encodable, Equatable {
        package var registry: String
        package var repository: String
        @EncodedAsNull package var tag: String?
        @EncodedAsNull package var digest: String?
        package var running_digests: [String]
    }

    package struct Deployment: Encodable, Equatable {
        package var id: String
        package var status: String
        @EncodedAsNull package var revision: Int?
        package var desired: Int
        package var running: Int
        package var pending: Int
        package var failed: Int
        @EncodedAsNull package var rollout_state: String?
        @EncodedAsNull package var created_at: Date?
        @EncodedAsNull package var updated_at: Date?
    }

    package struct TaskSummary: Encodable, Equatable {
        package var running: Int
        package var pending: Int
        package var stopped: Int
        package var unhealthy: Int
    }

    package struct Pipeline: Encodable, Equatable {
        package var name: String
        @EncodedAsNull package var status: String?
        @EncodedAsNull package var execution_id: String?
        package var stages: [Stage]
    }

    package struct Stage: Encodable, Equatable {
        package var name: String
        @EncodedAsNull package var status: String?
    }

    package struct ErrorEntry: Encodable, Equatable {
        package var operation: String
        package var code: String
        package var message: String
    }

    package var schema = 1
    package var fetched_at: Date
    package var environments: [Environment]
    package var registry_errors: [ErrorEntry]

    package init(_ fleet: FleetSnapshot, now: Date, refresh: TimeInterval) {
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

    package static func service(_ service: ServiceSnapshot, environment: String, fleet: FleetSnapshot) -> Service {
        Service(
            name: service.name, status: service.status,
            image: service.image.map {
                Image(registry: $0.registry, repository: $0.repository, tag: $0.tag,
                      digest: fleet.tagDigest(service.name, in: environment), running_digests: service.runningDigests)
            },
            desired: service.desired, running: service.running, pending: service.pending,
            rollout_state: service.rolloutState?.wire, rollout_reason: service.rolloutReason,
            drift: fleet.drift(service.name, in: environment), differs_from_next: fleet.differsFromNext(service.name, in: environment),
            deployments: service.deployments.map {
                Deployment(id: $0.id, status: $0.status, revision: $0.revision, desired: $0.desired, running: $0.running,
                           pending: $0.pending, failed: $0.failed, rollout_state: $0.rolloutState?.wire, created_at: $0.createdAt, updated_at: $0.updatedAt)
            },
            tasks: TaskSummary(
                running: service.runningTasks.count,
                pending: service.tasks.filter { ["PROVISIONING", "PENDING", "ACTIVATING"].contains($0.lastStatus) }.count,
                stopped: service.stoppedTaskCount, unhealthy: service.unhealthyTaskCount
            )
        )
    }

    package static func entry(_ error: FetchError) -> ErrorEntry {
        ErrorEntry(operation: error.operation, code: error.code, message: error.message)
    }

    package func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
