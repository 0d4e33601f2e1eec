import AWSClient
import DashboardModel
import Foundation

/// Runs everything off the UI thread and hands each effect the reducer asks for to the part that does it: the
/// environment pollers, the registry loop, actions and their confirmations, the logs and describe loaders. Results
/// come back through the inbox as events.
package final class DashboardRuntime: EffectRunner, Sendable {
    package let setup: FleetSetup
    package let inbox: EventInbox
    private let pollers: PollerSupervisor
    private let registry: RegistryLoop?
    private let actions: ActionRunner
    private let broker: ConfirmationBroker
    private let logs: LogsLoader
    private let describe = DescribeLoader()
    private let taskDefinitions = TaskDefinitionLoader()
    /// How long quitting waits for actions: time for AWS steps in flight to finish and be recorded, short enough
    /// that ecsdash is gone within 2 s of `q`, Ctrl-C or SIGTERM whatever is still in flight.
    package static let actionGrace: TimeInterval = 1.2

    package init(setup: FleetSetup, inbox: EventInbox, readOnly: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.setup = setup
        self.inbox = inbox
        let post: @Sendable (AppEvent) -> Void = { inbox.post($0) }
        let deadline = PollDeadline(requestTimeout: setup.config.requestTimeout)
        let registry = setup.sources.registry.map {
            RegistryLoop(fetcher: $0, clock: setup.clock, deadline: deadline, refresh: setup.config.refresh, post: { post(.fleet($0)) })
        }
        self.registry = registry
        pollers = PollerSupervisor(clock: setup.clock, deadline: deadline, refresh: setup.config.refresh,
                                   credentials: CredentialExpiryWatch(clock: setup.clock), post: { event in
            if case .fleet(.environmentFetched(let snapshot)) = event, let registry {
                Task { await registry.learn(snapshot) }
            }
            post(event)
        })
        broker = ConfirmationBroker(post: post)
        let audit = AuditLog(path: AuditLog.path(configured: setup.config.auditLog, environment: environment))
        let pollers = self.pollers
        actions = ActionRunner(dispatcher: ActionDispatcher(access: ActionAccess(setup: setup), audit: audit, readOnly: readOnly),
                               broker: broker, post: post, busy: { await pollers.setActionRunning($0, $1) })
        logs = LogsLoader(clock: setup.clock)
    }

    package func start() {
        pollers.start(setup.sources.environments)
        registry?.start()
    }

    package func stop() {
        pollers.stop()
        registry?.stop()
        // Unanswered questions are a "no"; watches end and record `interrupted`; this thread is the UI's, so
        // blocking it briefly is fine.
        actions.stop(grace: Self.actionGrace)
    }

    package func execute(_ effect: Effect, state: AppState) {
        switch effect {
        case .refresh(let environment):
            let (pollers, registry) = (self.pollers, self.registry)
            Task {
                await pollers.refreshNow(environment)
                await registry?.wake()
            }
        case .loadLogs(let target, let since):
            let (logs, inbox, context) = (self.logs, self.inbox, context(for: target.environment))
            let service = state.fleet.service(target.service, in: target.environment)
            Task { if let event = await logs.load(target, since: since, service: service, context: context) { inbox.post(event) } }
        case .loadDescribe(let target):
            let (describe, inbox, context) = (self.describe, self.inbox, context(for: target.environment))
            Task { if let event = await describe.load(target, context: context) { inbox.post(event) } }
        case .loadTaskDefinition(let target):
            let (loader, inbox, sources) = (taskDefinitions, self.inbox, setup.sources)
            Task {
                inbox.post(await loader.load(target) { name in sources.environments.first { $0.environment.name == name }?.context })
            }
        case .setRefresh(let seconds):
            let (pollers, registry) = (self.pollers, self.registry)
            Task {
                await pollers.setRefresh(seconds)
                await registry?.setRefresh(seconds)
            }
        case .runAction(let request):
            actions.start(request)
        case .loadRollbackChoices(let environment, let service):
            actions.loadRollbackChoices(environment: environment, service: service)
        case .answerConfirmation(let id, let answer):
            broker.answer(id, answer)
        case .setTheme, .quit:
            break
        }
    }

    package func context(for environment: String) -> AWSClientContext? {
        setup.sources.environments.first { $0.environment.name == environment }?.context
    }
}
