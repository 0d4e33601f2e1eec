import AWSClient
import DashboardModel
import Foundation

/// Runs everything off the UI thread: one poller per environment, the registry poll, and the effects the
/// reducer asks for (logs, describe, refresh). Results come back through the inbox as events.
package final class DashboardRuntime: EffectRunner, @unchecked Sendable {
    package let setup: FleetSetup
    package let inbox: EventInbox
    private let lock = NSLock()
    private var pollers: [String: EnvironmentPoller] = [:]
    private var tasks: [Task<Void, Never>] = []
    private var repositories: Set<String> = []
    private var refresh: TimeInterval
    private let registryWake = WakeSignal()
    private let dispatcher: ActionDispatcher
    private var answers: [Int: CheckedContinuation<String?, Never>] = [:]
    private var nextQuestion = 1
    /// Actions under way, so quitting can wait for them to write their audit records.
    private let actions = DispatchGroup()
    /// How long quitting waits for actions: time for AWS steps in flight to finish and be recorded, short enough
    /// that ecsdash is gone within 2 s of `q`, Ctrl-C or SIGTERM whatever is still in flight.
    package static let actionGrace: TimeInterval = 1.2

    package init(setup: FleetSetup, inbox: EventInbox, readOnly: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.setup = setup
        self.inbox = inbox
        refresh = setup.config.refresh
        let audit = AuditLog(path: AuditLog.path(configured: setup.config.auditLog, environment: environment))
        dispatcher = ActionDispatcher(access: ActionAccess(setup: setup), audit: audit, readOnly: readOnly)
    }

    package func start() {
        for fetcher in setup.sources.environments {
            startPoller(fetcher)
        }
        if let registry = setup.sources.registry {
            let task = Task<Void, Never> { [weak self] in await self?.pollRegistry(registry) }
            lock.withLock { tasks.append(task) }
        }
    }

    package func stop() {
        let (running, waiting) = lock.withLock { () -> ([Task<Void, Never>], [CheckedContinuation<String?, Never>]) in
            defer { answers.removeAll() }
            return (tasks, Array(answers.values))
        }
        for task in running { task.cancel() }
        // An unanswered question is a "no": the action stops before changing anything.
        for continuation in waiting { continuation.resume(returning: nil) }
        // Watches end at once and record `interrupted`; this thread is the UI's, so blocking it briefly is fine.
        let dispatcher = self.dispatcher
        Task { await dispatcher.stopWatching() }
        _ = actions.wait(timeout: .now() + Self.actionGrace)
    }

    private func startPoller(_ fetcher: EnvironmentFetcher) {
        let inbox = self.inbox
        let poller = EnvironmentPoller(
            name: fetcher.environment.name, cadence: PollCadence(idle: refresh), clock: setup.clock,
            deadline: PollDeadline(requestTimeout: setup.config.requestTimeout), inFlight: { fetcher.counter.inFlight },
            fetch: { try await fetcher.fetch(now: $0) },
            emit: { [weak self] event in
                if case .environmentFetched(let snapshot) = event { self?.learnRepositories(snapshot) }
                inbox.post(.fleet(event))
            }
        )
        let task = Task { await poller.run() }
        lock.withLock {
            pollers[fetcher.environment.name] = poller
            tasks.append(task)
        }
    }

    /// A newly seen repository wakes the registry poll so digests show up without waiting a whole interval.
    private func learnRepositories(_ snapshot: EnvironmentSnapshot) {
        let names = Set(snapshot.services.compactMap { $0.image?.repository })
        let isNew = lock.withLock { () -> Bool in
            let before = repositories.count
            repositories.formUnion(names)
            return repositories.count > before
        }
        if isNew { Task { await registryWake.wake() } }
    }

    /// Starts once the first environment names its repositories, then polls on the idle cadence (backing
    /// off after errors) or sooner when a new repository appears or a refresh is asked for.
    private func pollRegistry(_ registry: RegistryFetcher) async {
        var failures = 0
        await registryWake.wait()
        while !Task.isCancelled {
            let names = lock.withLock { Array(repositories) }
            let snapshot = await registry.fetch(repositories: names, now: setup.clock.now(), deadline: PollDeadline(requestTimeout: setup.config.requestTimeout))
            inbox.post(.fleet(.registryFetched(snapshot)))
            failures = snapshot.errors.isEmpty ? 0 : failures + 1
            let delay = PollCadence(idle: lock.withLock { refresh }).delay(consecutiveFailures: failures, busy: false)
            await registryWake.wait(atMost: delay, clock: setup.clock)
        }
    }

    // MARK: effects

    package func execute(_ effect: Effect, state: AppState) {
        switch effect {
        case .refresh(let environment):
            let targets = lock.withLock { environment.map { pollers[$0].map { [$0] } ?? [] } ?? Array(pollers.values) }
            Task {
                for poller in targets { await poller.refreshNow() }
                await registryWake.wake()
            }
        case .loadLogs(let target, let since):
            Task { await loadLogs(target, since: since, state: state) }
        case .loadDescribe(let target):
            Task { await loadDescribe(target) }
        case .setRefresh(let seconds):
            lock.withLock { refresh = seconds }
        case .runAction(let request):
            actions.enter()
            Task {
                await runAction(request)
                actions.leave()
            }
        case .loadRollbackChoices(let environment, let service):
            let dispatcher = self.dispatcher
            let inbox = self.inbox
            Task {
                do {
                    let (current, choices) = try await dispatcher.rollbackChoices(service: service, environment: environment)
                    inbox.post(.rollbackChoicesLoaded(environment: environment, service: service, current: current, choices: choices, error: nil))
                } catch {
                    let text = (error as? ActionError)?.message ?? ErrorReport.describe(error)
                    inbox.post(.rollbackChoicesLoaded(environment: environment, service: service, current: nil, choices: [], error: text))
                }
            }
        case .answerConfirmation(let id, let answer):
            let waiting = lock.withLock { answers.removeValue(forKey: id) }
            waiting?.resume(returning: answer)
        case .setTheme, .quit:
            break
        }
    }

    /// Runs one action through the dispatcher; its questions come back to the UI as confirmation events.
    private func runAction(_ request: ActionRequest) async {
        let inbox = self.inbox
        inbox.post(.actionStarted(key: request.lockKey, summary: request.summary))
        let outcome = await dispatcher.run(request, confirm: { [weak self] prompt in
            await self?.ask(prompt) ?? nil
        }, progress: { inbox.post(.actionProgress($0)) })
        inbox.post(.actionFinished(key: request.lockKey, outcome: outcome))
    }

    private func ask(_ prompt: String) async -> String? {
        await withCheckedContinuation { continuation in
            let id = lock.withLock { () -> Int in
                defer { nextQuestion += 1 }
                answers[nextQuestion] = continuation
                return nextQuestion
            }
            inbox.post(.confirmationRequested(PendingConfirmation(id: id, prompt: prompt.trimmingCharacters(in: .newlines))))
        }
    }

    package func context(for environment: String) -> AWSClientContext? {
        setup.sources.environments.first { $0.environment.name == environment }?.context
    }

    private func loadLogs(_ target: LogsTarget, since: Int64?, state: AppState) async {
        guard let context = context(for: target.environment),
              let service = state.fleet.service(target.service, in: target.environment) else { return }
        guard let settings = service.logs else {
            inbox.post(.logsLoaded(target: target, lines: [], error: "\(target.service) does not log with the awslogs driver; nothing to show"))
            return
        }
        let client = CloudWatchLogsClient(context: context)
        let start = since.map { Date(timeIntervalSince1970: Double($0 + 1) / 1000) } ?? setup.clock.now().addingTimeInterval(-3600)
        do {
            let lines: [LogLine]
            if let taskId = target.taskId, let stream = settings.stream(forTask: taskId) {
                let page = try await client.getLogEvents(CloudWatchGetLogEventsRequest(logGroupName: settings.group, logStreamName: stream,
                                                                                      startFromHead: since != nil, limit: 500, startTime: start))
                lines = page.events.map { LogLine(timestamp: $0.timestamp ?? start, stream: stream, message: $0.message ?? "") }
            } else {
                let streams = service.runningTasks.compactMap { settings.stream(forTask: $0.id) }.prefix(100)
                let events = try await client.filterLogEvents(CloudWatchFilterLogEventsRequest(
                    logGroupName: settings.group, logStreamNames: streams.isEmpty ? nil : Array(streams), startTime: start, maxEvents: 1000))
                lines = events.map { LogLine(timestamp: $0.timestamp ?? start, stream: $0.logStreamName ?? "", message: $0.message ?? "") }
                    .sorted { $0.timestamp < $1.timestamp }
            }
            inbox.post(.logsLoaded(target: target, lines: lines, error: nil))
        } catch {
            inbox.post(.logsLoaded(target: target, lines: [], error: ErrorReport.describe(error, action: "logs:FilterLogEvents / logs:GetLogEvents")))
        }
    }

    private func loadDescribe(_ target: DescribeTarget) async {
        guard let context = context(for: target.environment) else { return }
        let client = AWSServiceClient(service: .ecs, context: context)
        let (operation, body): (String, [String: Any]) = switch target.kind {
        case .service: ("DescribeServices", ["cluster": target.cluster, "services": [target.identifier]])
        case .task: ("DescribeTasks", ["cluster": target.cluster, "tasks": [target.identifier]])
        case .taskDefinition: ("DescribeTaskDefinition", ["taskDefinition": target.identifier])
        }
        do {
            let reply = try await client.jsonRaw(operation, body: JSONSerialization.data(withJSONObject: body))
            inbox.post(.describeLoaded(target: target, text: try PrettyJSON.text(reply), error: nil))
        } catch {
            inbox.post(.describeLoaded(target: target, text: nil, error: ErrorReport.describe(error, action: "ecs:\(operation)")))
        }
    }
}
