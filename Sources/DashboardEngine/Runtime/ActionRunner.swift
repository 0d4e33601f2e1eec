import DashboardModel
import Foundation

/// Runs the dashboard's actions through the one dispatcher, off the UI thread: reports start, progress and end as
/// events, asks its questions through the confirmation broker, says which environment is busy while one runs, and
/// lets quitting wait for the audit records.
package final class ActionRunner: Sendable {
    private let dispatcher: ActionDispatcher
    private let broker: ConfirmationBroker
    private let post: @Sendable (AppEvent) -> Void
    /// Told `true` when an action on the environment starts and `false` when it ends.
    private let busy: @Sendable (_ environment: String, _ running: Bool) async -> Void
    /// Actions under way, so quitting can wait for them to write their audit records.
    private let running = DispatchGroup()

    package init(dispatcher: ActionDispatcher, broker: ConfirmationBroker, post: @escaping @Sendable (AppEvent) -> Void,
                 busy: @escaping @Sendable (String, Bool) async -> Void) {
        self.dispatcher = dispatcher
        self.broker = broker
        self.post = post
        self.busy = busy
    }

    /// Starts the action; its outcome comes back as `actionFinished`.
    package func start(_ request: ActionRequest) {
        running.enter()
        Task {
            await run(request)
            running.leave()
        }
    }

    package func run(_ request: ActionRequest) async {
        let (post, broker) = (self.post, self.broker)
        post(.actionStarted(key: request.lockKey, summary: request.summary))
        await busy(request.targetEnvironment, true)
        let outcome = await dispatcher.run(request, confirm: { await broker.ask($0) }, progress: { post(.actionProgress($0)) })
        await busy(request.targetEnvironment, false)
        post(.actionFinished(key: request.lockKey, outcome: outcome))
    }

    /// Loads the builds the rollback chooser offers; a failure comes back as the chooser's error line.
    package func loadRollbackChoices(environment: String, service: String) {
        let (dispatcher, post) = (self.dispatcher, self.post)
        Task {
            do {
                let (current, choices) = try await dispatcher.rollbackChoices(service: service, environment: environment)
                post(.rollbackChoicesLoaded(environment: environment, service: service, current: current, choices: choices, error: nil))
            } catch {
                let text = (error as? ActionError)?.message ?? ErrorReport.describe(error)
                post(.rollbackChoicesLoaded(environment: environment, service: service, current: nil, choices: [], error: text))
            }
        }
    }

    /// Ends watches at once (they record `interrupted`) and waits up to `grace` for actions to write their records.
    package func stop(grace: TimeInterval) {
        broker.stop()
        let dispatcher = self.dispatcher
        Task { await dispatcher.stopWatching() }
        _ = running.wait(timeout: .now() + grace)
    }
}
