import Foundation

/// A value shared between threads behind a lock, for state read on every request where an actor hop
/// would cost more than the work (`Synchronization.Mutex` needs macOS 15).
final class LockedValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
