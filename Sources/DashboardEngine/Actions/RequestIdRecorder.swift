import AWSClient
import DashboardModel
import Foundation

/// Remembers the `x-amzn-RequestId` of every answer that passes through, so each audited step lists AWS's request ids.
package final class RequestIdRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String] = []

    /// A transport that sends through `base` and records into `recorder`; one recorder serves several contexts.
    package static func wrapping(_ base: any HTTPTransport, into recorder: RequestIdRecorder) -> any HTTPTransport {
        RecordingTransport(base: base, recorder: recorder)
    }

    package func record(_ response: HTTPResponse) {
        guard let id = response.headers["x-amzn-RequestId"] ?? response.headers["x-amz-request-id"] else { return }
        lock.withLock { ids.append(id) }
    }

    /// The ids seen since the last drain.
    package func drain() -> [String] {
        lock.withLock {
            defer { ids = [] }
            return ids
        }
    }

}

/// The transport half of `RequestIdRecorder`.
private struct RecordingTransport: HTTPTransport {
    let base: any HTTPTransport
    let recorder: RequestIdRecorder

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await base.send(request)
        recorder.record(response)
        return response
    }
}
