import AWSClient
import DashboardModel
import Foundation

/// Lets one waiter be woken early (refresh now); a wake with nobody waiting is remembered once.
package actor WakeSignal {
    private var waiter: CheckedContinuation<Void, Never>?
    private var pending = false

    package func wake() {
        if let waiter {
            self.waiter = nil
            waiter.resume()
        } else {
            pending = true
        }
    }

    /// Returns at the next wake, or at once if one is pending; cancelling the task also returns.
    package func wait() async {
        if pending {
            pending = false
            return
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled { continuation.resume() } else { waiter = continuation }
            }
        } onCancel: {
            Task { await self.cancelWaiter() }
        }
    }

    private func cancelWaiter() {
        waiter?.resume()
        waiter = nil
    }

    /// Waits for a wake or for `seconds` on `clock`, whichever comes first: a poller's idle wait.
    package func wait(atMost seconds: TimeInterval, clock: any AWSClock) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await clock.sleep(seconds: seconds) }
            group.addTask { await self.wait() }
            await group.next()
            group.cancelAll()
        }
    }
}
