import AWSClient
import Foundation

/// Remembers the `x-amzn-RequestId` of every answer that passes through, so each audited step lists AWS's request ids.
final class RequestIdRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String] = []

    /// A transport that sends through `base` and records into `recorder`; one recorder serves several contexts.
    static func wrapping(_ base: any HTTPTransport, into recorder: RequestIdRecorder) -> any HTTPTransport {
        RecordingTransport(base: base, recorder: recorder)
    }

    func record(_ response: HTTPResponse) {
        guard let id = response.headers["x-amzn-RequestId"] ?? response.headers["x-amz-request-id"] else { return }
        lock.withLock { ids.append(id) }
    }

    /// The ids seen since the last drain.
    func drain() -> [String] {
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
