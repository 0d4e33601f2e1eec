import Foundation

/// The queue events wait in until the UI thread takes them; pollers and effects post from any thread.
package final class EventInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [AppEvent] = []

    package init() {}

    package func post(_ event: AppEvent) {
        lock.withLock { events.append(event) }
    }

    package func drain() -> [AppEvent] {
        lock.withLock {
            defer { events.removeAll(keepingCapacity: true) }
            return events
        }
    }
}
