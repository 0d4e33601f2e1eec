import Foundation

/// Runs an operation with a deadline measured on an `AWSClock`, returning as soon as either finishes.
///
/// A task group would wait for the losing child; a transport that ignores cancellation could then
/// hold the chain for its own (long) timeout, which is what the limit exists to prevent.
package enum TimeLimit {
    package static func run<T: Sendable>(
        seconds: TimeInterval,
        clock: any AWSClock,
        onTimeout: @escaping @Sendable () -> any Error,
        _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let race = Race<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                race.start(continuation)
                race.add(Task {
                    do { race.finish(.success(try await operation())) } catch { race.finish(.failure(error)) }
                })
                race.add(Task {
                    do { try await clock.sleep(seconds: seconds) } catch { return }
                    race.finish(.failure(onTimeout()))
                })
            }
        } onCancel: {
            race.finish(.failure(CancellationError()))
        }
    }

    /// Resumes the continuation once and cancels whichever tasks are still running.
    private final class Race<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<T, any Error>?
        private var finished = false
        private var pending: Result<T, any Error>?
        private var tasks: [Task<Void, Never>] = []

        func start(_ continuation: CheckedContinuation<T, any Error>) {
            let early: Result<T, any Error>? = lock.withLock {
                if let pending { return pending }
                self.continuation = continuation
                return nil
            }
            if let early { continuation.resume(with: early) }
        }

        func add(_ task: Task<Void, Never>) {
            let alreadyDone = lock.withLock {
                if !finished { tasks.append(task) }
                return finished
            }
            if alreadyDone { task.cancel() }
        }

        func finish(_ result: Result<T, any Error>) {
            let (continuation, tasks): (CheckedContinuation<T, any Error>?, [Task<Void, Never>]) = lock.withLock {
                guard !finished else { return (nil, []) }
                finished = true
                if self.continuation == nil { pending = result }
                defer { self.continuation = nil; self.tasks = [] }
                return (self.continuation, self.tasks)
            }
            for task in tasks { task.cancel() }
            continuation?.resume(with: result)
        }
    }
}
