import DashboardModel
import Foundation

/// Hands an action's questions to the UI as confirmation events and the typed answers back to the action waiting on
/// them; once the runtime stops, every question (asked or still to come) is a "no".
package final class ConfirmationBroker: @unchecked Sendable {
    private let lock = NSLock()
    private let post: @Sendable (AppEvent) -> Void
    private var waiting: [Int: CheckedContinuation<String?, Never>] = [:]
    private var nextId = 1
    private var stopped = false

    package init(post: @escaping @Sendable (AppEvent) -> Void) {
        self.post = post
    }

    /// Posts the question and waits for its answer; nil means Esc, or that the runtime stopped.
    package func ask(_ prompt: String) async -> String? {
        await withCheckedContinuation { continuation in
            let id = lock.withLock { () -> Int? in
                guard !stopped else { return nil }
                defer { nextId += 1 }
                waiting[nextId] = continuation
                return nextId
            }
            guard let id else { return continuation.resume(returning: nil) }
            post(.confirmationRequested(PendingConfirmation(id: id, prompt: prompt.trimmingCharacters(in: .newlines))))
        }
    }

    /// Resumes the action waiting on question `id`; an id nobody waits on (answered already) is ignored.
    package func answer(_ id: Int, _ answer: String?) {
        let continuation = lock.withLock { waiting.removeValue(forKey: id) }
        continuation?.resume(returning: answer)
    }

    /// An unanswered question is a "no": the action stops before changing anything.
    package func stop() {
        let pending = lock.withLock { () -> [CheckedContinuation<String?, Never>] in
            stopped = true
            defer { waiting.removeAll() }
            return Array(waiting.values)
        }
        for continuation in pending { continuation.resume(returning: nil) }
    }
}
